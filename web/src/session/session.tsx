import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, must, setAccessToken } from '../api/client';
import { claimsOf, type Me } from './claims';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
interface Session {
  me: Me | undefined;
  /** Set when the session ended without the user asking (the refresh token was refused). */
  ended: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * Both tokens are kept in this component's memory only: nothing survives a reload, which signs
 * the user out (the price of keeping tokens out of storage an injected script could read). The
 * access token is renewed with the refresh token a little before it expires.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [tokens, setTokens] = useState<Tokens | undefined>();
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
    if (!tokens) return;
    const lead = Math.max(5, Math.min(60, tokens.expiresIn / 5));
    refreshing.current = window.setTimeout(
      () => {
        must(api.POST('/v1/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).then(adopt, () => {
          setEnded(true);
          forget();
        });
      },
      (tokens.expiresIn - lead) * 1000,
    );
    return () => window.clearTimeout(refreshing.current);
  }, [tokens, adopt, forget]);

  const value = useMemo<Session>(
    () => ({
      me: tokens ? claimsOf(tokens.accessToken) : undefined,
      ended,
      async signIn(username, password) {
        adopt(await must(api.POST('/v1/auth/login', { body: { username, password } })));
      },
      async signOut() {
        if (tokens) await api.POST('/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } }).catch(() => {});
        forget();
      },
    }),
    [tokens, ended, adopt, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
