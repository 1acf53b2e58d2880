/** True for MongoDB's (and FerretDB's) duplicate key error, E11000. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
