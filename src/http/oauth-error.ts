/** An OAuth2 token endpoint error, answered in RFC 6749 section 5.2's JSON (not problem+json). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'invalid_scope'
      | 'unsupported_grant_type'
      | 'unauthorized_client'
      | 'server_error'
      | 'temporarily_unavailable',
    description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }

  toJSON() {
    return { error: this.error, error_description: this.message };
  }
}
