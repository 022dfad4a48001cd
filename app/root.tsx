import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader } from "./components/app-header";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { InlineStylesheet } from "./components/inline-stylesheet";
import { useNonce } from "./components/nonce";
import { can } from "./domain/permissions";
import { listCounties } from "./models/register.server";
import { getOptionalUser } from "./services/auth.server";
import appCss from "./styles/app.css";

/** The app's stylesheet, inlined in every document's head by the server (components/inline-stylesheet.tsx). */
export const inlineStylesheets = [appCss];

export const links: LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

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
      roles: user.roles,
      countyNames: user.countyCodes.length
        ? listCounties().filter((c) => user.countyCodes.includes(c.code)).map((c) => c.name)
        : [],
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
        <InlineStylesheet />
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
  return <GeneralErrorBoundary />;
}
