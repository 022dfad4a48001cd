import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/database";
import { runStart } from "../support/server";

const dir = makeTempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The one line the process printed to explain why it stopped. */
function reason(output: string): string[] {
  return output.split("\n").filter((l) => l.startsWith("Samverkanskartan kan inte starta"));
}

describe("starting with a database file that cannot be used", () => {
  it("stops with one clear line when the file is not a database", async () => {
    const file = path.join(dir, "corrupt.sqlite");
    fs.writeFileSync(file, "this is not an SQLite file, just some text ".repeat(200));
    const { code, output } = await runStart({ DATABASE_PATH: file });
    expect(code).toBe(1);
    expect(reason(output)).toHaveLength(1);
    expect(reason(output)[0]).toContain(file);
    expect(reason(output)[0]).toContain("inte en SQLite-databas");
    expect(output).not.toContain('"msg":"listening"');
    // The bad file is left as it was: nothing of the user's is overwritten.
    expect(fs.readFileSync(file, "utf8")).toMatch(/^this is not an SQLite file/);
  });

  it("stops with one clear line when the file cannot be created", async () => {
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "x");
    const file = path.join(blocker, "db.sqlite");
    const { code, output } = await runStart({ DATABASE_PATH: file });
    expect(code).toBe(1);
    expect(reason(output)).toHaveLength(1);
    expect(reason(output)[0]).toContain(file);
  });

  it("stops with one clear line when the path is a directory", async () => {
    const { code, output } = await runStart({ DATABASE_PATH: dir });
    expect(code).toBe(1);
    expect(reason(output)[0]).toContain("katalog");
  });

  it("stops with one clear line on a bad setting", async () => {
    const { code, output } = await runStart({ DATABASE_PATH: path.join(dir, "ok.sqlite"), PORT: "not-a-port" });
    expect(code).toBe(1);
    expect(reason(output)[0]).toContain("PORT");
  });
});
