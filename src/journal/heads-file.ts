import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SignedHead } from './head-signature';

const signedHead = z.object({
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().min(1),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
  kid: z.string().min(1).max(100),
});

/**
 * Signed heads kept outside the database, as an auditor's cron saves them: answers of
 * `GET /v1/audit/heads` (`{items: [...]}`), one a line (curl appending to a file) or pretty-printed,
 * or bare heads, or arrays of them. Throws naming the line of anything else.
 */
export async function readHeadsFile(file: string): Promise<SignedHead[]> {
  const text = await readFile(file, 'utf8');
  try {
    return headsOf(JSON.parse(text), file);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
  }
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
    return headsOf(value, `${file}:${i + 1}`);
  });
}

function headsOf(value: unknown, where: string): SignedHead[] {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && 'items' in value
      ? value.items
      : [value];
  const parsed = z.array(signedHead).safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: not signed journal heads${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`);
  }
  return parsed.data;
}
