import { NavLink } from "@remix-run/react";

/** Navigation entries appear here as their features land. */
const NAV = [
  { to: "/", label: "Karta", end: true },
  { to: "/kommuner", label: "Kommuner", end: false },
  { to: "/kartlaggningar", label: "Kartläggningar", end: false },
] as const;

export function AppHeader() {
  return (
    <header className="app-header">
      <a href="/" className="brand">
        Samverkanskartan
      </a>
      <nav aria-label="Huvudmeny">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
