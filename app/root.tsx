import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader } from "./components/app-header";
import { useNonce } from "./components/nonce";
import { can } from "./domain/permissions";
import { getOptionalUser } from "./services/auth.server";
import appCss from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Samverkanskartan" }];

/** Who is signed in (for the header) and this request's id (shown on error pages, also in the log). */
export function loader({ request, context }: LoaderFunctionArgs) {
  const user = getOptionalUser(request);
  return {
    requestId: context.requestId,
    user: user && {
      name: user.name,
      email: user.email,
      isAdmin: can(user, "manage:users"),
      canReadAudit: can(user, "read:audit"),
    },
  };
}

/**
 * Re-run on every navigation: the header follows sign-outs and role changes, and the request id matches
 * the request whose error a page shows.
 */
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export type RootData = ReturnType<typeof loader>;
export const useRootData = () => useRouteLoaderData<typeof loader>("root");

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRootData();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        <AppHeader user={data?.user ?? null} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage error={error} />;
}

/** Swedish error pages, shared by the root and by routes that add context of their own. */
export function ErrorPage({ error }: { error: unknown }) {
  const requestId = useRootData()?.requestId;
  if (isRouteErrorResponse(error)) {
    const messages: Record<number, [string, string]> = {
      400: ["Felaktig begäran", "Begäran kunde inte tolkas. Kontrollera uppgifterna och försök igen."],
      401: ["Inloggning krävs", "Du behöver logga in för att se sidan."],
      403: ["Åtkomst nekad", "Du har inte behörighet att göra det här."],
      404: ["Sidan finns inte", "Sidan du söker finns inte. Kontrollera adressen."],
      405: ["Metoden stöds inte", "Sidan tar inte emot den sortens begäran."],
    };
    const [title, text] = messages[error.status] ?? ["Något gick fel", "Försök igen om en stund."];
    const detail = typeof error.data === "string" && error.data ? error.data : null;
    return (
      <div className="error-page">
        <h1>{title}</h1>
        <p>{detail ?? text}</p>
        <p className="muted">Felkod {error.status}</p>
        <p>
          <a href="/">Till startsidan</a>
        </p>
      </div>
    );
  }
  return (
    <div className="error-page">
      <h1>Något gick fel</h1>
      <p>Ett oväntat fel inträffade. Försök igen om en stund. Kvarstår felet, kontakta förvaltningen.</p>
      {requestId ? (
        <p>
          Ange felkoden <code className="error-id">{requestId}</code> när du kontaktar förvaltningen.
        </p>
      ) : null}
      <p>
        <a href="/">Till startsidan</a>
      </p>
    </div>
  );
}
