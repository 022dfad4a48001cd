import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { ServerMarkupProvider } from "./components/server-markup";
import { log } from "./services/log.server";

export const streamTimeout = 5_000;

/**
 * React writes the document in chunks of a few KB, and the response is flushed through the compression
 * after every chunk: each flush ends a deflate block, which cost the map page a third of its gzip size
 * (50 KB instead of 37). The chunks written in one turn of the event loop go out as one; what React
 * streams later (a Suspense boundary resolving) still goes out when it comes.
 */
function joinChunksPerTurn(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (pending.length) this.push(Buffer.concat(pending));
          pending = [];
        });
      }
      done();
    },
    flush(done) {
      if (pending.length) this.push(Buffer.concat(pending));
      pending = [];
      done();
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerMarkupProvider value={loadContext.serverMarkup ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </ServerMarkupProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = joinChunksPerTurn();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render error", { error });
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Logs with the request's id, which the Swedish error page shows (never the stack). Loader and action
 * errors are logged where they are caught (app/server/error-ids.ts); what reaches this is a render
 * error, or the router refusing a request (404, 405), which is the client's doing: a warning.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  if (isRouteErrorResponse(error)) {
    log.warn("request refused by the router", { requestId: context.requestId, status: error.status, path });
    return;
  }
  log.error("unhandled error", { errorId: context.requestId, error, path });
}
