import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { openApiDocument } from '../../src/openapi/document';
import { API_ROUTES } from '../../src/routes';

/**
 * Checks an answer against openapi.yaml's description of that route and status, so the contract
 * and the service cannot drift apart. Throws with the mismatches.
 */
export function contractChecker() {
  const doc = openApiDocument(API_ROUTES) as unknown as { paths: Record<string, Record<string, unknown>> };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
  const templates = Object.keys(doc.paths).map((p) => ({ p, re: new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`) }));

  return function expectContract(res: Response): void {
    const req = (res as unknown as { req: { method: string; path: string } }).req;
    const path = req.path.replace(/\?.*/s, '');
    const method = req.method.toLowerCase();
    // The most literal template that has this method: /v1/certificates/verification before /v1/certificates/{id}.
    const params = (p: string) => (p.match(/\{/g) ?? []).length;
    const template = templates
      .filter((t) => t.re.test(path) && doc.paths[t.p]?.[method])
      .sort((a, b) => params(a.p) - params(b.p))[0];
    if (!template) throw new Error(`openapi.yaml has no ${method} for ${path}`);
    const op = doc.paths[template.p]?.[method] as
      { responses: Record<string, { content?: Record<string, unknown> }> } | undefined;
    if (!op) throw new Error(`openapi.yaml has no ${method} ${template.p}`);
    const response = op.responses[String(res.status)];
    if (!response)
      throw new Error(
        `openapi.yaml does not list status ${res.status} for ${method} ${template.p}: ${JSON.stringify(res.body)}`,
      );
    if (!response.content) return;
    const [type] = Object.keys(response.content);
    if (type === undefined)
      throw new Error(`openapi.yaml lists no media type for status ${res.status} of ${method} ${template.p}`);
    expect(res.headers['content-type']).toContain(type);
    const pointer = ['paths', template.p, method, 'responses', String(res.status), 'content', type, 'schema']
      .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    if (!validate(res.body)) {
      throw new Error(
        `${method} ${template.p} ${res.status} does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body, null, 2)}`,
      );
    }
  };
}
