import { Form, NavLink } from "@remix-run/react";

/** Navigation entries appear here as their features land. */
const NAV = [
  { to: "/", label: "Karta", end: true },
  { to: "/kommuner", label: "Kommuner", end: false },
  { to: "/kartlaggningar", label: "Kartläggningar", end: false },
  { to: "/prioriteringar", label: "Prioriteringar", end: false },
  { to: "/moten", label: "Dialogmöten", end: false },
  { to: "/uppfoljningar", label: "Uppföljningar", end: false },
] as const;

export type HeaderUser = { name: string; email: string; isAdmin: boolean; canReadAudit: boolean };

export function AppHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="app-header">
      <a href="/" className="brand">
        Samverkanskartan
      </a>
      {user ? (
        <>
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
        </>
      ) : null}
    </header>
  );
}
