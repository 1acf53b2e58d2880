import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, must, setAccessToken } from '../api/client';
import { claimsOf, type Me } from './claims';

interface Tokens {
  accessToken: string;
  expiresIn: number;
}
interface Session {
  me: Me | undefined;
  /** True while a reloaded page asks whether its session goes on (before showing the sign-in form). */
  resuming: boolean;
  /** Set when the session ended without the user asking (the refresh token was refused). */
  ended: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * The access token is kept in this component's memory only (never in storage an injected script
 * could read); the refresh token is in an HttpOnly, Secure, SameSite=Strict cookie for /v1/auth
 * that the service sets at sign-in (`refreshTokenIn: "cookie"`), which no script can read
 * either. A reloaded page renews its access token from the cookie, so a reload keeps the
 * session; the access token is renewed the same way a little before it expires.
 */
const renew = () => must(api.POST('/v1/auth/refresh', { body: {} }));
// Asked once per page, however often the provider mounts (React's StrictMode mounts it twice,
// and two uses of one refresh token would be taken as theft and end the session).
let resumed: Promise<Tokens> | undefined;
export function SessionProvider({ children }: { children: ReactNode }) {
  const [tokens, setTokens] = useState<Tokens | undefined>();
  const [resuming, setResuming] = useState(true);
  const [ended, setEnded] = useState(false);
  const queries = useQueryClient();
  const refreshing = useRef<number | undefined>(undefined);

  const forget = useCallback(() => {
    setTokens(undefined);
    setAccessToken(undefined);
    queries.clear(); // what was read under this session is not kept for the next user
  }, [queries]);

  const adopt = useCallback(
    (pair: Tokens) => {
      setAccessToken(pair.accessToken, () => {
        setEnded(true);
        forget();
      });
      setTokens(pair);
      setEnded(false);
    },
    [forget],
  );

  useEffect(() => {
    resumed ??= renew();
    resumed.then(adopt, () => {}).finally(() => setResuming(false));
  }, [adopt]);

  useEffect(() => {
    if (!tokens) return;
    const lead = Math.max(5, Math.min(60, tokens.expiresIn / 5));
    const attempt = () => {
      renew().then(adopt, (e: unknown) => {
        // The link is down (an office's often is): the cookie still holds the session, so try
        // again shortly; only the service's refusal ends it.
        if (e instanceof ApiError && e.problem.status === 0) refreshing.current = window.setTimeout(attempt, 15_000);
        else {
          setEnded(true);
          forget();
        }
      });
    };
    refreshing.current = window.setTimeout(attempt, (tokens.expiresIn - lead) * 1000);
    return () => window.clearTimeout(refreshing.current);
  }, [tokens, adopt, forget]);

  const value = useMemo<Session>(
    () => ({
      me: tokens ? claimsOf(tokens.accessToken) : undefined,
      resuming,
      ended,
      async signIn(username, password) {
        adopt(await must(api.POST('/v1/auth/login', { body: { username, password, refreshTokenIn: 'cookie' } })));
      },
      async signOut() {
        // The service clears the cookie; a failed call (offline) still forgets the session here.
        if (tokens) await api.POST('/v1/auth/logout', { body: {} }).catch(() => {});
        resumed = undefined;
        forget();
      },
    }),
    [tokens, resuming, ended, adopt, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
