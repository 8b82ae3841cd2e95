import { NavLink, Outlet } from "react-router-dom";
import { useAuth } from "../auth/AuthContext";

export function Layout() {
  const { user, logout } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="clipgen home">
          <span className="brand-mark" aria-hidden="true">▶</span> <span className="brand-name">clipgen</span>
        </NavLink>
        {user && (
          <nav aria-label="Main">
            <NavLink to="/" end>My videos</NavLink>
            <NavLink to="/upload">Upload</NavLink>
          </nav>
        )}
        {user && (
          <div className="account">
            <span className="account-email" title={user.email}>{user.email}</span>
            <button type="button" className="button ghost" onClick={logout}>Log out</button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
