// Who is signed in. The token lives in localStorage so a reload keeps the session. When the
// server answers 401 to a signed-in request (token expired or revoked), the session ends with
// a notice; RequireAuth then sends the user to log in and back to where they were afterwards.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import * as authApi from "../api/auth";
import { setSession } from "../api/client";

const storageKey = "clipgen.session";

interface StoredSession {
  token: string;
  email: string;
}

// Why the session ended: an expired one returns the user to their page after logging in, a
// deliberate logout does not.
export interface SessionNotice {
  reason: "expired" | "logout";
  message: string;
}

export interface LoginRedirectState {
  from?: string;
}

interface AuthValue {
  user: { email: string } | null;
  notice: SessionNotice | null;
  login: (email: string, password: string) => Promise<void>;
  register: (email: string, password: string) => Promise<void>;
  logout: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

function loadSession(): StoredSession | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null") as StoredSession | null;
    return value?.token ? value : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<StoredSession | null>(loadSession);
  const [notice, setNotice] = useState<SessionNotice | null>(null);

  const save = useCallback((session: StoredSession | null, why: SessionNotice | null = null) => {
    if (session) localStorage.setItem(storageKey, JSON.stringify(session));
    else localStorage.removeItem(storageKey);
    setSession(session?.token ?? null);
    setStored(session);
    setNotice(why);
  }, []);

  const expire = useCallback(
    () => save(null, { reason: "expired", message: "Your session has expired. Please log in again." }),
    [save],
  );
  // Set during render so the first requests of child components already carry the token.
  setSession(stored?.token ?? null, expire);

  const value = useMemo<AuthValue>(
    () => ({
      user: stored ? { email: stored.email } : null,
      notice,
      async login(email, password) {
        const result = await authApi.login({ email, password });
        save({ token: result.token, email: result.user?.email ?? email.trim().toLowerCase() });
      },
      async register(email, password) {
        const result = await authApi.register({ email, password });
        save({ token: result.token, email: result.user?.email ?? email.trim().toLowerCase() });
      },
      logout() {
        save(null, { reason: "logout", message: "You have logged out." });
      },
    }),
    [stored, notice, save],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}
