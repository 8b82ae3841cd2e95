import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useAuth, type LoginRedirectState } from "./AuthContext";

// Pages for signed-in users only; others go to the login page, and come back afterwards
// unless they logged out on purpose.
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, notice } = useAuth();
  const location = useLocation();
  if (!user) {
    const state: LoginRedirectState = notice?.reason === "logout" ? {} : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}
