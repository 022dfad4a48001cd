/**
 * Route helpers for answers other than a page: errors that pages and the API both understand, and
 * files for download. Every route uses these rather than building such responses by hand.
 */
import { safeFileName } from "../domain/file-name";

export function isApiRequest(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/");
}

const API_ERROR_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  429: "too_many_requests",
};

/**
 * An error answer in Swedish: JSON `{ error, message }` for the API, plain text for pages (the
 * route's ErrorBoundary shows the text). Throw it from a loader or action.
 */
export function httpError(request: Request | null, status: number, message: string, headers?: HeadersInit): Response {
  if (request && isApiRequest(request)) {
    return Response.json(
      { error: API_ERROR_CODES[status] ?? "error", message },
      { status, headers: { "Cache-Control": "private, no-store", ...Object.fromEntries(new Headers(headers)) } },
    );
  }
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...Object.fromEntries(new Headers(headers)) },
  });
}

/**
 * Epic Stack's invariantResponse: when the condition fails, throw a Response with the Swedish message
 * (404 unless told otherwise), which the route's ErrorBoundary renders.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: { status?: number; request?: Request } = {},
): asserts condition {
  if (!condition) throw httpError(init.request ?? null, init.status ?? 404, message);
}

type FileKind = "csv" | "ics" | "json" | "docx" | "png";
const FILE_TYPES: Record<FileKind, string> = {
  csv: "text/csv; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  png: "image/png",
};

/** Safe download names live in the domain, so the browser's PNG export names its file the same way. */
export { safeFileName };

/**
 * A file download: type, `Content-Disposition: attachment` with a safe name, a BOM for CSV (Excel
 * reads UTF-8 only with one), and caching (`no-store` by default: files hold signed-in data).
 */
export function fileResponse(
  body: string | Uint8Array<ArrayBuffer>,
  options: {
    kind: FileKind;
    /** The name's parts, joined by safeFileName; the extension follows the kind. */
    name: readonly (string | number | null | undefined)[];
    /** `attachment` (default) downloads; `inline` lets a calendar client or the browser show it. */
    disposition?: "attachment" | "inline";
    cache?: "no-store" | "no-cache";
    headers?: HeadersInit;
  },
): Response {
  const withBom = options.kind === "csv" && typeof body === "string" && !body.startsWith("\uFEFF");
  const filename = safeFileName(options.name, options.kind);
  return new Response(withBom ? `\uFEFF${body}` : body, {
    headers: {
      "Content-Type": FILE_TYPES[options.kind],
      "Content-Disposition": `${options.disposition ?? "attachment"}; filename="${filename}"`,
      "Cache-Control": `private, ${options.cache ?? "no-store"}`,
      ...Object.fromEntries(new Headers(options.headers)),
    },
  });
}
