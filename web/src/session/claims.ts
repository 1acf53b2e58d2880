/** Who is signed in, as the access token's claims say (src/modules/auth/tokens.ts). */
export interface Me {
  id: string;
  role: string;
  office: string;
  /** A citizen's own NIN (their civil-status extract is asked for by it). */
  nin?: string;
}

/** The claims of a JWT access token: read only to show the user and apply four eyes, never trusted. */
export function claimsOf(token: string): Me {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(bytes)) as {
    sub?: string;
    role?: string;
    office?: string;
    nin?: string;
  };
  return {
    id: claims.sub ?? '',
    role: claims.role ?? '',
    office: claims.office ?? '',
    ...(claims.nin ? { nin: claims.nin } : {}),
  };
}
