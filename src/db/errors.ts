/** True for MongoDB's (and FerretDB's) duplicate key error, E11000. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * True when the database could not be reached or the connection broke mid-request (the engine
 * restarting, a network partition): the request may be retried, so it is a 503, not a 500.
 */
export function isConnectionLost(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; message?: unknown; errorLabels?: unknown; cause?: unknown; code?: unknown };
  const names = [
    'MongoNetworkError',
    'MongoNetworkTimeoutError',
    'MongoServerSelectionError',
    'MongooseServerSelectionError',
    'MongoNotConnectedError',
  ];
  if (
    typeof e.name === 'string' &&
    (names.includes(e.name) || /^Mongo(Topology|Pool)\w*(Closed|Cleared)Error$/.test(e.name))
  )
    return true;
  if (
    Array.isArray(e.errorLabels) &&
    (e.errorLabels as unknown[]).some((l) => l === 'ResetPool' || l === 'RetryableWriteError')
  )
    return true;
  if (typeof e.code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(e.code)) return true;
  // mongoose queues operations while disconnected and fails them after a while.
  if (
    typeof e.message === 'string' &&
    /buffering timed out|connection .* closed|Client must be connected/i.test(e.message)
  )
    return true;
  return e.cause !== undefined && e.cause !== err && isConnectionLost(e.cause);
}
