import type { Request, Response } from "express";

/**
 * The answers the Express layer gives itself, before Remix sees a request (refused methods, sizes,
 * addresses, bodies, cross-site writes, limits) and when everything else failed: a short Swedish page
 * in the app's own stylesheet, or JSON `{ error, message }` for the API, data requests and routes
 * that are not pages. Never a stack trace; nothing echoed from the request.
 */

const TITLES: Record<number, string> = {
  400: "Felaktig begäran",
  403: "Åtkomst nekad",
  405: "Metoden stöds inte",
  411: "Längduppgift saknas",
  413: "För stor begäran",
  429: "För många försök",
  500: "Något gick fel",
};

const CODES: Record<number, string> = {
  400: "bad_request",
  403: "forbidden",
  405: "method_not_allowed",
  411: "length_required",
  413: "payload_too_large",
  429: "too_many_requests",
  500: "internal_error",
};

let stylesheets: string[] = [];

/** The app's stylesheets (from the root route's `links`), so these pages look like the rest. */
export function setAnswerStylesheets(hrefs: string[]) {
  stylesheets = hrefs.filter((href) => href.startsWith("/"));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** True when the caller expects JSON rather than a page: the API and Remix's data requests. */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith("/api/") || req.path.endsWith(".data");
}

export function answer(
  req: Request,
  res: Response,
  status: number,
  message: string,
  options: { json?: boolean; headers?: Record<string, string>; errorId?: string } = {},
) {
  res.status(status).set("Cache-Control", "no-store");
  if (options.headers) res.set(options.headers);
  if (options.json ?? wantsJson(req)) {
    res.json({ error: CODES[status] ?? "error", message, ...(options.errorId ? { errorId: options.errorId } : {}) });
    return;
  }
  const title = TITLES[status] ?? "Något gick fel";
  const errorId = options.errorId
    ? `<p>Ange felkoden <code class="error-id">${escapeHtml(options.errorId)}</code> när du kontaktar förvaltningen.</p>`
    : "";
  res.type("text/html; charset=utf-8").send(
    `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)} – Samverkanskartan</title>` +
      stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("") +
      `</head><body><header class="app-header"><a href="/" class="brand">Samverkanskartan</a></header>` +
      `<main id="main"><div class="error-page"><h1>${escapeHtml(title)}</h1>` +
      `<p>${escapeHtml(message)}</p>${errorId}<p class="muted">Felkod ${status}</p>` +
      `<p><a href="/">Till startsidan</a></p></div></main></body></html>`,
  );
}
