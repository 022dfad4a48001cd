import http from "node:http";
import type { RunningServer } from "./server";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/**
 * One HTTP request with the path sent exactly as written (fetch would normalise "/x/../login",
 * "\\" or "%2e" before sending, as a browser does; an attacker's client does not).
 */
export function rawRequest(
  server: Pick<RunningServer, "port">,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        method: options.method ?? "GET",
        path: options.path,
        agent: false,
        headers: { ...(body ? { "Content-Length": String(body.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The session cookie a raw response set, as "name=value", or null. */
export function rawSessionCookie(response: RawResponse): string | null {
  for (const header of response.headers["set-cookie"] ?? []) {
    const pair = header.split(";")[0]!;
    if (/^(__Host-)?samverkan_session=./.test(pair)) return pair;
  }
  return null;
}
