import { isRouteErrorResponse, useRouteError, useRouteLoaderData, type ErrorResponse } from "@remix-run/react";
import type { ReactNode } from "react";

type StatusHandler = (info: { error: ErrorResponse }) => ReactNode;

const DEFAULT_TEXTS: Record<number, [string, string]> = {
  400: ["Felaktig begäran", "Begäran kunde inte tolkas. Kontrollera uppgifterna och försök igen."],
  401: ["Inloggning krävs", "Du behöver logga in för att se sidan."],
  403: ["Åtkomst nekad", "Du har inte behörighet att göra det här."],
  404: ["Sidan finns inte", "Sidan du söker finns inte. Kontrollera adressen."],
  405: ["Metoden stöds inte", "Sidan tar inte emot den sortens begäran."],
  409: ["Konflikt", "Någon annan har ändrat samma uppgifter. Ladda om sidan och försök igen."],
  413: ["För stor begäran", "Begäran är för stor för att tas emot."],
  429: ["För många försök", "Vänta en stund och försök igen."],
};

/** The Swedish title a status gets on an error page (also for a route's `meta`). */
export function errorTitle(status: number): string {
  return DEFAULT_TEXTS[status]?.[0] ?? "Något gick fel";
}

function ErrorLayout({ title, children, status }: { title: string; children: ReactNode; status?: number }) {
  return (
    <div className="error-page">
      <h1>{title}</h1>
      {children}
      {status !== undefined ? <p className="muted">Felkod {status}</p> : null}
      <p>
        <a href="/">Till startsidan</a>
      </p>
    </div>
  );
}

/** A 4xx page: the route's own Swedish message when it gave one, else the status's default text. */
export function StatusErrorPage({ error, title }: { error: ErrorResponse; title?: string }) {
  const [defaultTitle, defaultText] = DEFAULT_TEXTS[error.status] ?? ["Något gick fel", "Försök igen om en stund."];
  const detail = typeof error.data === "string" && error.data ? error.data : null;
  return (
    <ErrorLayout title={title ?? defaultTitle} status={error.status}>
      <p>{detail ?? defaultText}</p>
    </ErrorLayout>
  );
}

/** An unexpected error (500): never its details, always the error id that the log line carries too. */
export function UnexpectedErrorPage({ errorId }: { errorId: string | undefined }) {
  return (
    <ErrorLayout title="Något gick fel">
      <p>Ett oväntat fel inträffade. Försök igen om en stund. Kvarstår felet, kontakta förvaltningen.</p>
      {errorId ? (
        <p>
          Ange felkoden <code className="error-id">{errorId}</code> när du kontaktar förvaltningen.
        </p>
      ) : null}
    </ErrorLayout>
  );
}

/**
 * Every page route's ErrorBoundary (Epic Stack's GeneralErrorBoundary): Swedish pages for 403, 404 and
 * the other statuses, with per-route handlers where a route has something better to say.
 *
 *     export function ErrorBoundary() {
 *       return <GeneralErrorBoundary statusHandlers={{ 404: ({ error }) => <p>…</p> }} />;
 *     }
 */
export function GeneralErrorBoundary({
  statusHandlers,
  defaultStatusHandler = ({ error }) => <StatusErrorPage error={error} />,
}: {
  statusHandlers?: Partial<Record<number, StatusHandler>>;
  defaultStatusHandler?: StatusHandler;
}) {
  const error = useRouteError();
  const root = useRouteLoaderData("root") as { requestId?: string } | undefined;
  if (isRouteErrorResponse(error) && error.status < 500) {
    return <>{(statusHandlers?.[error.status] ?? defaultStatusHandler)({ error })}</>;
  }
  return <UnexpectedErrorPage errorId={errorIdOf(error) ?? root?.requestId} />;
}

/**
 * The id a failed loader or action sent with its 500 (app/server/error-ids.ts): the one its log line
 * has, also when the root loader failed (no root data) and after navigation in the browser (where the
 * root data may come from another request).
 */
function errorIdOf(error: unknown): string | undefined {
  if (!isRouteErrorResponse(error)) return undefined;
  const id = (error.data as { errorId?: unknown } | null)?.errorId;
  return typeof id === "string" && /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}
