/**
 * JavaScript the map route makes a browser load: the client entry, the root route and the map route,
 * with every chunk they import, statically or on demand (Leaflet behind ClientOnly), from the browser
 * build's esbuild metafile. Sizes gzip -6 (what the compression middleware sends) and raw.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { figure, round, type BenchModule } from "./harness";

type Metafile = { outputs: Record<string, { imports: { path: string; kind: string }[]; entryPoint?: string }> };

/** The client entry, the root route and the map route (`/`), as esbuild names their outputs. */
const ROUTE_ENTRY = /(^|\/)(entry\.client|root|routes\/_index)-[A-Z0-9]+\.js$/;

export function mapRouteScripts(metafile: Metafile): string[] {
  const outputs = metafile.outputs;
  const seen = new Set<string>();
  const queue = Object.keys(outputs).filter((o) => ROUTE_ENTRY.test(o));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !file.endsWith(".js")) continue;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === "import-statement" || i.kind === "dynamic-import") queue.push(i.path);
  }
  return [...seen].sort();
}

const bundle: BenchModule = {
  name: "bundle",
  description: "JavaScript for the map route (entry, root, map route and every chunk they import), gzip",
  async run(options) {
    const metafile = JSON.parse(fs.readFileSync(path.resolve("build/metafile.js.json"), "utf8")) as Metafile;
    const files = mapRouteScripts(metafile);
    if (files.length < 3) throw new Error(`found only ${files.length} scripts for the map route in build/metafile.js.json`);
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(path.resolve(file));
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 6 }).length;
    }
    options.log(`  ${files.length} scripts`);
    return [
      figure({
        name: "bundle.map-route-js",
        value: round(gzip / 1024, 1),
        unit: "KB",
        target: { op: "<=", value: 250, of: "value" },
        note: `gzip -6, ${files.length} files, ${round(raw / 1024, 1)} KB before compression`,
      }),
    ];
  },
};

export default bundle;
