// Who is signed in. The token lives in localStorage so a reload keeps the session; when the
// server answers 401 to a signed-in request (token expired or revoked), the user goes to the
// login page with a message, and back to where they were after logging in again.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import * as authApi from "../api/auth";
import { setSession } from "../api/client";

const storageKey = "clipgen.session";

interface StoredSession {
  token: string;
  email: string;
}

export interface LoginRedirectState {
  from?: string;
  message?: string;
}

interface AuthValue {
  user: { email: string } | null;
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
  const navigate = useNavigate();
  const location = useLocation();
  const [stored, setStored] = useState<StoredSession | null>(loadSession);
  // The expiry handler runs outside React's render; it reads the current place from a ref.
  const here = useRef(location.pathname + location.search);
  here.current = location.pathname + location.search;

  const save = useCallback((session: StoredSession | null) => {
    if (session) localStorage.setItem(storageKey, JSON.stringify(session));
    else localStorage.removeItem(storageKey);
    setSession(session?.token ?? null);
    setStored(session);
  }, []);

  const expire = useCallback(() => {
    save(null);
    const state: LoginRedirectState = { from: here.current, message: "Your session has expired. Please log in again." };
    navigate("/login", { replace: true, state });
  }, [navigate, save]);

  // Set synchronously so the first requests of child components already carry the token.
  setSession(stored?.token ?? null, expire);
  useEffect(() => setSession(stored?.token ?? null, expire), [stored, expire]);

  const value = useMemo<AuthValue>(
    () => ({
      user: stored ? { email: stored.email } : null,
      async login(email, password) {
        const result = await authApi.login({ email, password });
        save({ token: result.token, email: result.user?.email ?? email.trim().toLowerCase() });
      },
      async register(email, password) {
        const result = await authApi.register({ email, password });
        save({ token: result.token, email: result.user?.email ?? email.trim().toLowerCase() });
      },
      logout() {
        save(null);
        navigate("/login", { replace: true, state: { message: "You have logged out." } satisfies LoginRedirectState });
      },
    }),
    [stored, save, navigate],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}
