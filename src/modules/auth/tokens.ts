import { createHash, createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ExpiringCache } from '../../lib/expiring-cache';
import type { Actor, Role, Scope } from '../../journal/types';
import type { SigningKey } from './signing-key';

/** Claims of a person's access token. */
interface AccessClaims {
  sub: string;
  typ: 'access';
  role: Role;
  office: string;
  nin?: string;
  /** The sign-in session (the refresh-token family): logging out ends its access tokens too. */
  sid?: string;
}

/** Claims of a sectoral client's token (OAuth2 client credentials). */
interface ClientClaims {
  sub: string;
  typ: 'client';
  scope: string;
}

/** A token's caller and session, or why it was refused (each said differently to the caller). */
export type Verification = { actor: Actor; session?: string } | { refused: 'expired' | 'invalid' };

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

  issueAccess(
    user: { id: string; role: Role; office: string; nin?: string },
    lifetimeSeconds = this.ttlSeconds,
    session?: string,
  ): string {
    const claims: AccessClaims = {
      sub: user.id,
      typ: 'access',
      role: user.role,
      office: user.office,
      ...(user.nin ? { nin: user.nin } : {}),
      ...(session ? { sid: session } : {}),
    };
    return this.sign(claims, this.peopleAudience, lifetimeSeconds);
  }

  issueClient(client: { id: string; scopes: Scope[] }, lifetimeSeconds = this.ttlSeconds): string {
    const claims: ClientClaims = { sub: client.id, typ: 'client', scope: client.scopes.join(' ') };
    return this.sign(claims, this.clientAudience, lifetimeSeconds);
  }

  /**
   * Tokens already verified, with their expiry: a client calls with one token many times a
   * second, and an ES256 verification is the largest CPU cost of such a request. Bounded; the
   * account's standing is still checked on every request (AccountStatus).
   */
  private readonly verified = new ExpiringCache<{ actor: Actor; session?: string }>(10_000);

  /** The actor a token stands for, or undefined for any token that is not ours, intact and current. */
  verify(token: string): Actor | undefined {
    const result = this.check(token);
    return 'actor' in result ? result.actor : undefined;
  }

  /** The actor and session of a token, or whether it expired or is not a token of ours at all. */
  check(token: string): Verification {
    const hit = this.verified.get(token);
    if (hit) return hit;
    const result = this.verifyNow(token);
    if ('actor' in result) {
      const exp = (jwt.decode(token) as { exp?: number } | null)?.exp ?? 0;
      this.verified.set(token, result, exp * 1000);
    }
    return result;
  }

  private verifyNow(token: string): Verification {
    try {
      // Only picks which audience to demand; the signature, issuer and expiry are verified next.
      const unverified = jwt.decode(token) as { typ?: string } | null;
      const audience = unverified?.typ === 'client' ? this.clientAudience : this.peopleAudience;
      const claims = jwt.verify(token, this.key.publicKey, {
        algorithms: ['ES256'],
        issuer: this.issuer,
        audience,
      }) as Partial<Omit<AccessClaims, 'typ'> & Omit<ClientClaims, 'typ'>> & { typ?: string };
      if (typeof claims.sub !== 'string') return { refused: 'invalid' };
      if (claims.typ === 'client' && typeof claims.scope === 'string') {
        return {
          actor: { id: claims.sub, role: 'client', scopes: claims.scope.split(' ').filter(Boolean) as Scope[] },
        };
      }
      if (claims.typ === 'access' && typeof claims.role === 'string' && typeof claims.office === 'string') {
        const actor: Actor = {
          id: claims.sub,
          role: claims.role,
          office: claims.office,
          ...(claims.nin ? { nin: claims.nin } : {}),
        };
        return { actor, ...(typeof claims.sid === 'string' ? { session: claims.sid } : {}) };
      }
      return { refused: 'invalid' };
    } catch (err) {
      // Only a token that is genuinely ours but past its time is "expired": jsonwebtoken checks
      // the signature before the expiry, so a forged token with an old exp is "invalid".
      return { refused: err instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
  }

  /**
   * A keyed hash (HMAC-SHA256 under a key derived from the signing key, which is kept outside
   * the database): what is stored of a request body that may hold a password, so a copy of the
   * database does not let anyone test guesses against it at SHA-256 speed.
   */
  fingerprint(data: string): string {
    this.fingerprintKey ??= createHash('sha256')
      .update('idempotency-request-fingerprint\n')
      .update(this.key.privateKey.export({ type: 'pkcs8', format: 'der' }))
      .digest();
    return createHmac('sha256', this.fingerprintKey).update(data).digest('hex');
  }
  private fingerprintKey: Buffer | undefined;

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
