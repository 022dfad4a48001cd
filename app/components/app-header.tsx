import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type KeyboardEvent } from "react";

/** Navigation entries appear here as their features land. */
const NAV = [
  { to: "/", label: "Karta", end: true },
  { to: "/kommuner", label: "Kommuner", end: false },
  { to: "/kartlaggningar", label: "Kartläggningar", end: false },
  { to: "/rapport", label: "Rapport", end: false },
  { to: "/indikatorer", label: "Indikatorer", end: false },
  { to: "/prioriteringar", label: "Prioriteringar", end: false },
  { to: "/moten", label: "Dialogmöten", end: false },
  { to: "/uppfoljningar", label: "Uppföljningar", end: false },
] as const;

export type HeaderUser = { name: string; email: string; isAdmin: boolean; canReadAudit: boolean };

/**
 * One line: the name of the app, the navigation and the user's menu. On a narrow screen the navigation
 * and the user's menu fold behind a "Meny" button: a <details>, so it opens and closes without script.
 * On a wide screen the same <details> shows its content and hides its button (app.css).
 */
export function AppHeader({ user }: { user: HeaderUser | null }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // A link followed inside the open menu leads to a new page: the menu closes behind it.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== "Escape" || !event.currentTarget.open) return;
    event.currentTarget.open = false;
    event.currentTarget.querySelector("summary")?.focus();
  };

  return (
    <header className="app-header">
      <a href="/" className="brand">
        Samverkanskartan
      </a>
      {user ? (
        <details className="header-menu" ref={menu} onKeyDown={closeOnEscape}>
          <summary>
            Meny
          </summary>
          <div className="header-menu-body">
            <nav aria-label="Huvudmeny">
              <ul>
                {NAV.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                {user.isAdmin ? (
                  <li>
                    <NavLink to="/admin/anvandare">Administration</NavLink>
                  </li>
                ) : user.canReadAudit ? (
                  <li>
                    <NavLink to="/admin/logg">Logg</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div className="user-menu">
              <NavLink to="/konto/losenord" className="user-name" title={user.email}>
                {user.name}
              </NavLink>
              <Form method="post" action="/logout" reloadDocument>
                <button type="submit">Logga ut</button>
              </Form>
            </div>
          </div>
        </details>
      ) : null}
    </header>
  );
}
