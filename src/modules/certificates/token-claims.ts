import jwt from 'jsonwebtoken';

/** The claims of a token the registry issued itself (read from its own store: no signature check needed). */
export function checkTokenShape(token: string): {
  credentialSubject: { registeredAt: unknown; copyNumber: unknown; facts: Record<string, unknown> } & Record<
    string,
    unknown
  >;
} {
  const payload = jwt.decode(token);
  if (!payload || typeof payload !== 'object' || typeof payload.credentialSubject !== 'object')
    throw new Error('a stored certificate token has no credentialSubject');
  const {
    kind: _kind,
    registrationNumber: _n,
    registeredAt,
    copyNumber,
    ...facts
  } = payload.credentialSubject as Record<string, unknown>;
  return { credentialSubject: { registeredAt, copyNumber, facts } };
}
