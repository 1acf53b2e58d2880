/** What a read of a citizen's data was, in the words the access-log screen uses (`me.what.*`). */
export type ReadKind = 'identity' | 'person' | 'record' | 'certificate' | 'feed' | 'audit' | 'other';

const BY_PATH: [RegExp, ReadKind][] = [
  [/ \/v1\/identity\b/, 'identity'],
  [/ \/v1\/persons\b/, 'person'],
  [/ \/v1\/records\b/, 'record'],
  [/ \/v1\/certificates\b/, 'certificate'],
  [/ \/v1\/feed\b|^webhook /, 'feed'],
  [/ \/v1\/(journal|audit)\b/, 'audit'],
];

/** The kind of read from the access log's `route` ("GET /v1/persons/{nin}", "webhook s_…"). */
export function readKind(route: string): ReadKind {
  return BY_PATH.find(([re]) => re.test(route))?.[1] ?? 'other';
}
