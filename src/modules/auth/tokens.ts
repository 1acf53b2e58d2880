import jwt from 'jsonwebtoken';
import type { Actor, Role } from '../../journal/types';
import type { SigningKey } from './keys';

interface AccessClaims {
  sub: string;
  role: Role;
  office: string;
  typ: 'access';
}

/** Short-lived access tokens for people, ES256 with the algorithm pinned on verify. */
export class TokenService {
  constructor(
    private readonly key: SigningKey,
    private readonly issuer: string,
    readonly ttlSeconds: number,
  ) {}

  issueAccess(user: { id: string; role: Role; office: string }, lifetimeSeconds = this.ttlSeconds): string {
    const claims: AccessClaims = { sub: user.id, role: user.role, office: user.office, typ: 'access' };
    return jwt.sign(claims, this.key.privateKey, {
      algorithm: 'ES256',
      keyid: this.key.kid,
      issuer: this.issuer,
      audience: this.issuer,
      expiresIn: lifetimeSeconds,
    });
  }

  /** The actor a token stands for, or undefined for any token that is not ours, intact and current. */
  verifyAccess(token: string): Actor | undefined {
    try {
      const claims = jwt.verify(token, this.key.publicKey, {
        algorithms: ['ES256'],
        issuer: this.issuer,
        audience: this.issuer,
      }) as Partial<AccessClaims>;
      if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.role !== 'string') return undefined;
      return { id: claims.sub, role: claims.role, office: claims.office };
    } catch {
      return undefined;
    }
  }
}
