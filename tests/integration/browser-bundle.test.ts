/**
 * No database code reaches the browser. Route modules import models and drizzle for their loaders;
 * Remix strips those from the browser build only while nothing a component uses imports them. A
 * component importing `db/schema` (say, for a type-only enum turned value) would ship drizzle to
 * every visitor: this fails then. Needs `npm run build` (npm test builds first).
 *
 * Checked two ways: the browser build's metafile (what esbuild read) lists no drizzle, better-sqlite3
 * or db/ module, and the shipped files hold none of drizzle's own marker strings, which survive
 * minification (`drizzle:Columns`, entity kinds such as `SQLiteTable`).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const METAFILE = path.resolve("build/metafile.js.json");
const PUBLIC_BUILD = path.resolve("public/build");
const SERVER_ONLY_MODULE = /node_modules\/(drizzle-orm|better-sqlite3|drizzle-kit)\/|(^|\/)db\/(schema|client\.server)\.ts$|\.server\.tsx?$/;
const SERVER_ONLY_TEXT = /drizzle:|SQLiteTable|SQLiteColumn|better-sqlite3|BetterSQLite/;

function builtFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".js"))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("the browser bundle", () => {
  it("is built", () => {
    expect(fs.existsSync(METAFILE), "run `npm run build` first").toBe(true);
    expect(builtFiles(PUBLIC_BUILD).length).toBeGreaterThan(0);
  });

  it("reads no database module: drizzle, better-sqlite3, db/ and *.server modules stay on the server", () => {
    const inputs = Object.keys((JSON.parse(fs.readFileSync(METAFILE, "utf8")) as { inputs: Record<string, unknown> }).inputs);
    // @remix-run/server-runtime's own files are named *server*; only our modules and the database packages count.
    expect(inputs.filter((i) => SERVER_ONLY_MODULE.test(i) && !i.includes("node_modules/@remix-run/"))).toEqual([]);
  });

  it("ships none of drizzle's or better-sqlite3's code to the browser", () => {
    const leaks = builtFiles(PUBLIC_BUILD).filter((f) => SERVER_ONLY_TEXT.test(fs.readFileSync(f, "utf8")));
    expect(leaks.map((f) => path.relative(PUBLIC_BUILD, f))).toEqual([]);
  });
});
