import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { stringify } from 'yaml';
import { describeRule, needsToken } from '../http/policy';
import type { AnyRoute } from '../http/route';
import { z } from '../http/zod';

/** The OpenAPI 3.1 document, generated from the route specs (the one source of the contract). */
export function openApiDocument(routes: readonly AnyRoute[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const r of routes) {
    const open = !needsToken(r.permission);
    registry.registerPath({
      method: r.method,
      path: r.path,
      operationId: r.operationId,
      tags: [r.tag],
      summary: r.summary,
      description: describeRule(r.permission),
      security: open ? [] : [{ bearer: [] }],
      request: {
        ...(r.params ? { params: r.params } : {}),
        ...(r.query ? { query: r.query } : {}),
        ...(r.body ? { body: { content: { 'application/json': { schema: r.body } }, required: true } } : {}),
        ...(r.rawBody
          ? {
              body: {
                content: Object.fromEntries(r.rawBody.mediaTypes.map((t) => [t, { schema: r.rawBody!.schema }])),
                required: true,
              },
            }
          : {}),
        ...(r.streamBody
          ? {
              body: {
                content: Object.fromEntries(r.streamBody.mediaTypes.map((t) => [t, { schema: r.streamBody!.schema }])),
                required: true,
              },
            }
          : {}),
        ...(r.needsIfMatch || r.method === 'post' ? { headers: headerParams(r) } : {}),
      },
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([status, spec]) => [
          status,
          {
            description: spec.description,
            ...(spec.schema
              ? {
                  content: {
                    [spec.mediaType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json')]: {
                      schema: spec.schema,
                    },
                  },
                }
              : {}),
          },
        ]),
      ),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Civil registry API',
      version: '1.0.0',
      description:
        'Births, marriages, divorces and deaths: recorded, registered, journaled and verifiable. Errors are RFC 9457 problem+json.',
      // As package.json: not licensed for use outside the registry's own deployment.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/' }],
  });
}

function headerParams(r: AnyRoute) {
  return z.object({
    ...(r.method === 'post'
      ? {
          'idempotency-key': z
            .string()
            .optional()
            .openapi({ description: 'Makes a retried POST return the first answer' }),
        }
      : {}),
    ...(r.needsIfMatch ? { 'if-match': z.string().openapi({ description: 'ETag of the version being changed' }) } : {}),
  });
}

export function openApiYaml(routes: readonly AnyRoute[]): string {
  return stringify(openApiDocument(routes), { aliasDuplicateObjects: false });
}
