import jwt from 'jsonwebtoken';
import type { Actor, Role, Scope } from '../../journal/types';
import type { SigningKey } from './keys';

/** Claims of a person's access token. */
interface AccessClaims {
  sub: string;
  typ: 'access';
  role: Role;
  office: string;
  nin?: string;
}

/** Claims of a sectoral client's token (OAuth2 client credentials). */
interface ClientClaims {
  sub: string;
  typ: 'client';
  scope: string;
}

/**
 * Access tokens, ES256 with the algorithm pinned on verify. People's tokens and clients' tokens
 * carry a different `typ` and audience, so neither can stand in for the other.
 */
export class TokenService {
  constructor(
    private readonly key: SigningKey,
    private readonly issuer: string,
    readonly ttlSeconds: number,
  ) {}

  private get peopleAudience() {
    return `${this.issuer}/people`;
  }
  private get clientAudience() {
    return `${this.issuer}/sectoral`;
  }

  issueAccess(user: { id: string; role: Role; office: string; nin?: string }, lifetimeSeconds = this.ttlSeconds): string {
    const claims: AccessClaims = { sub: user.id, typ: 'access', role: user.role, office: user.office, ...(user.nin ? { nin: user.nin } : {}) };
    return this.sign(claims, this.peopleAudience, lifetimeSeconds);
  }

  issueClient(client: { id: string; scopes: Scope[] }, lifetimeSeconds = this.ttlSeconds): string {
    const claims: ClientClaims = { sub: client.id, typ: 'client', scope: client.scopes.join(' ') };
    return this.sign(claims, this.clientAudience, lifetimeSeconds);
  }

  /** The actor a token stands for, or undefined for any token that is not ours, intact and current. */
  /**
   * Tokens already verified, with their expiry: a client calls with one token many times a
   * second, and an ES256 verification is the largest CPU cost of such a request. Bounded; the
   * account's standing is still checked on every request (AccountStatus).
   */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  verify(token: string): Actor | undefined {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.actor;
    if (hit) this.verified.delete(token);
    const actor = this.verifyNow(token);
    if (actor) {
      if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value ?? '');
      const exp = (jwt.decode(token) as { exp?: number } | null)?.exp ?? 0;
      this.verified.set(token, { actor, expiresAt: exp * 1000 });
    }
    return actor;
  }

  private verifyNow(token: string): Actor | undefined {
    try {
      // Only picks which audience to demand; the signature, issuer and expiry are verified next.
      const unverified = jwt.decode(token) as { typ?: string } | null;
      const audience = unverified?.typ === 'client' ? this.clientAudience : this.peopleAudience;
      const claims = jwt.verify(token, this.key.publicKey, { algorithms: ['ES256'], issuer: this.issuer, audience }) as Partial<
        Omit<AccessClaims, 'typ'> & Omit<ClientClaims, 'typ'>
      > & { typ?: string };
      if (typeof claims.sub !== 'string') return undefined;
      if (claims.typ === 'client' && typeof claims.scope === 'string') {
        return { id: claims.sub, role: 'client', scopes: claims.scope.split(' ').filter(Boolean) as Scope[] };
      }
      if (claims.typ === 'access' && typeof claims.role === 'string' && typeof claims.office === 'string') {
        return { id: claims.sub, role: claims.role, office: claims.office, ...(claims.nin ? { nin: claims.nin } : {}) };
      }
      return undefined;
    } catch {
      return undefined;
    }
  }

  private sign(claims: object, audience: string, lifetimeSeconds: number): string {
    return jwt.sign(claims, this.key.privateKey, {
      algorithm: 'ES256',
      keyid: this.key.kid,
      issuer: this.issuer,
      audience,
      expiresIn: lifetimeSeconds,
    });
  }
}
