import argon2 from 'argon2';
import { SCOPES, type Scope } from '../../journal/types';
import type { Model } from 'mongoose';
import type { Secret } from '../auth/secrets';
import type { TokenService } from '../auth/tokens';
import type { Client } from './store';
import { OAuthError } from '../../http/oauth-error';
import { secretHash } from '../auth/secrets';

interface GrantRequest {
  body: Record<string, unknown>;
  authorization: string | undefined;
}

/**
 * OAuth2 client credentials grant (RFC 6749 section 4.4): the client authenticates with HTTP Basic
 * or with client_id and client_secret in the body (not both), may narrow its scopes with `scope`,
 * and gets a short-lived Bearer token that only sectoral routes accept.
 */
export async function clientCredentialsGrant(
  deps: { models: { clients: Model<Client>; secrets: Model<Secret> }; tokens: TokenService },
  req: GrantRequest,
) {
  const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
  const param = (name: string) => {
    const v = body[name];
    if (v !== undefined && typeof v !== 'string')
      throw new OAuthError(400, 'invalid_request', `${name} must be a string`);
    return v;
  };
  const grantType = param('grant_type');
  if (!grantType) throw new OAuthError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials')
    throw new OAuthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');

  const basic = parseBasic(req.authorization);
  const inBody = { id: param('client_id'), secret: param('client_secret') };
  if (basic && (inBody.id || inBody.secret))
    throw new OAuthError(400, 'invalid_request', 'Authenticate the client one way only: HTTP Basic or the body');
  const credentials = basic ?? inBody;
  const challenge: Record<string, string> = basic ? { 'WWW-Authenticate': 'Basic realm="civil-registry"' } : {};
  if (!credentials.id || !credentials.secret)
    throw new OAuthError(401, 'invalid_client', 'Client authentication is required', challenge);

  const client = await deps.models.clients.findById(credentials.id).lean<Client>();
  const hash =
    client && !client.disabled && /^cs_[A-Za-z0-9_-]{43}$/.test(credentials.secret)
      ? await secretHash(deps.models.secrets, client.secretId)
      : undefined;
  const ok = hash !== undefined && (await argon2.verify(hash, credentials.secret));
  if (!client || !ok)
    throw new OAuthError(401, 'invalid_client', 'Unknown client, wrong secret, or client disabled', challenge);

  const asked = param('scope');
  const scopes = asked === undefined ? client.scopes : asked.split(' ').filter(Boolean);
  const bad = scopes.filter((s) => !SCOPES.includes(s as Scope) || !client.scopes.includes(s as Scope));
  if (bad.length > 0 || scopes.length === 0)
    throw new OAuthError(400, 'invalid_scope', `Scope not granted to this client: ${bad.join(' ') || '(none)'}`);

  return {
    access_token: deps.tokens.issueClient({ id: client._id, scopes: scopes as Scope[] }),
    token_type: 'Bearer' as const,
    expires_in: deps.tokens.ttlSeconds,
    scope: scopes.join(' '),
  };
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = header && /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError(400, 'invalid_request', 'Malformed HTTP Basic credentials');
  try {
    // RFC 6749 2.3.1: id and secret are form-urlencoded before Basic encoding.
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new OAuthError(400, 'invalid_request', 'Malformed HTTP Basic credentials');
  }
}
