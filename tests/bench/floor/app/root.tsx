import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts } from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader } from "../../../../app/components/app-header";
import appCss from "../../../../app/styles/app.css";

/** The product's document and header, nothing else. */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: appCss }];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <AppHeader user={{ name: "Golv", email: "golv@example.se", isAdmin: false, canReadAudit: false }} />
        <main id="main">{children}</main>
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}
