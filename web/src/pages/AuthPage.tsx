import { useId, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useAuth, type LoginRedirectState } from "../auth/AuthContext";
import { ErrorMessage } from "../components/ErrorMessage";

// Log in and register share one form; only the wording and the call differ.
export function AuthPage({ mode }: { mode: "login" | "register" }) {
  const auth = useAuth();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginRedirectState;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), hint: useId() };
  const registering = mode === "register";

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await (registering ? auth.register(email, password) : auth.login(email, password));
      navigate(state.from && state.from !== "/login" ? state.from : registering ? "/upload" : "/", { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth card" aria-labelledby="auth-title">
      <h1 id="auth-title">{registering ? "Create your account" : "Log in"}</h1>
      <p className="muted">Turn long videos into short clips ready to post.</p>
      {auth.notice && !error && <p className="notice" role="status">{auth.notice.message}</p>}
      <form onSubmit={submit} noValidate={false}>
        <label htmlFor={ids.email}>Email</label>
        <input id={ids.email} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete={registering ? "new-password" : "current-password"}
          required
          minLength={registering ? 8 : undefined}
          aria-describedby={registering ? ids.hint : undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {registering && <p id={ids.hint} className="hint">At least 8 characters.</p>}
        <ErrorMessage error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "Please wait…" : registering ? "Create account" : "Log in"}
        </button>
      </form>
      <p className="switch">
        {registering ? (
          <>Already have an account? <Link to="/login" state={state}>Log in</Link></>
        ) : (
          <>New here? <Link to="/register" state={state}>Create an account</Link></>
        )}
      </p>
    </section>
  );
}
