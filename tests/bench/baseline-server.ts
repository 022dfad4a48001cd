/**
 * The bare baseline: node:http answering recorded responses from memory, nothing else. Started by
 * harness.ts `startBaseline` with a JSON file of { path: { status, headers, body (base64) } }.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { status: number; headers: [string, string | string[]][]; body: string };

const recorded = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as Record<string, Answer>;
const answers = new Map(
  Object.entries(recorded).map(([p, a]) => {
    const body = Buffer.from(a.body, "base64");
    const headers: Record<string, string | string[]> = Object.fromEntries(a.headers);
    headers["content-length"] = String(body.length);
    return [p, { status: a.status, headers, body }];
  }),
);

const server = http.createServer((req, res) => {
  const answer = answers.get(req.url ?? "");
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(answer.status, answer.headers).end(answer.body);
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
