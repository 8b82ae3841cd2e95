// Who is signed in. The session itself is an HttpOnly cookie the page cannot read; what the page
// keeps (in localStorage, so a reload stays signed in) is only who signed in, which is not a
// secret. When the server answers 401 to a signed-in request (session expired or ended), the
// session ends with a notice; RequireAuth then sends the user to log in and back to where they
// were afterwards.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import * as authApi from "../api/auth";
import { setSession } from "../api/client";

const storageKey = "clipgen.user";
// Where versions before the session cookie kept the access token itself.
const legacyTokenKey = "clipgen.session";

interface StoredSession {
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
  localStorage.removeItem(legacyTokenKey);
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null") as StoredSession | null;
    return value?.email ? value : null;
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
    setSession(session !== null);
    setStored(session);
    setNotice(why);
  }, []);

  const expire = useCallback(
    () => save(null, { reason: "expired", message: "Your session has expired. Please log in again." }),
    [save],
  );
  // Set during render so the first requests of child components already carry the token.
  setSession(stored !== null, expire);

  const value = useMemo<AuthValue>(
    () => ({
      user: stored ? { email: stored.email } : null,
      notice,
      async login(email, password) {
        const result = await authApi.login({ email, password });
        save({ email: result.user?.email ?? email.trim().toLowerCase() });
      },
      async register(email, password) {
        const result = await authApi.register({ email, password });
        save({ email: result.user?.email ?? email.trim().toLowerCase() });
      },
      logout() {
        // The session ends on the server too; signed out here whatever it answers.
        authApi.logout().catch(() => {});
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
