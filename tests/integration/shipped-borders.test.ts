import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerMunicipalities } from "../../data/register";
import { auditLog, boundarySets } from "../../db/schema";
import { borderTopologyProblems } from "../../app/domain/geo/topology";
import {
  borderSetHash,
  importBorders,
  loadShippedBordersOnFirstStart,
  prepareBorderSet,
  SHIPPED_BORDERS_FILE,
  SHIPPED_BORDERS_SOURCE,
} from "../../app/services/geo-import.server";
import { createTestUser, loginHttp, request } from "../support/auth";
import { closeTestDatabase, createTestDatabase, makeTempDir, sharedFixture } from "../support/database";
import { startServer } from "../support/server";

const FIXTURE = sharedFixture("swedish_municipalities.geojson");
const SHIPPED = fs.readFileSync(path.resolve(SHIPPED_BORDERS_FILE), "utf8");
const ACTOR = { id: null, label: "system:borders" };

describe("the municipality borders the product ships", () => {
  it("are the 290 municipalities and 21 merged counties, within 50 KB gzip", () => {
    expect(borderTopologyProblems(SHIPPED, registerMunicipalities)).toEqual([]);
    const topology = JSON.parse(SHIPPED);
    expect(topology.objects.municipalities.geometries).toHaveLength(290);
    expect(topology.objects.counties.geometries).toHaveLength(21);
    expect(zlib.gzipSync(SHIPPED).length).toBeLessThanOrEqual(50 * 1024);
  });

  it.skipIf(!FIXTURE)("are exactly what borders:generate makes from the source through the geo:import pipeline", () => {
    const prepared = prepareBorderSet({ text: fs.readFileSync(FIXTURE!, "utf8") });
    if (!prepared.ok) throw new Error(prepared.problems.join("\n"));
    expect(prepared.set.topology).toBe(SHIPPED);
  });

  it("a damaged file is named as such, not shown", () => {
    expect(borderTopologyProblems("{", registerMunicipalities)[0]).toMatch(/^Gränsfilen är inte giltig JSON/);
    const topology = JSON.parse(SHIPPED);
    topology.objects.municipalities.geometries.pop();
    expect(borderTopologyProblems(JSON.stringify(topology), registerMunicipalities)).toEqual([
      expect.stringMatching(/^1 kommuner saknas: \d{4} /),
    ]);
  });
});

describe("first start without stored borders", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  beforeAll(() => {
    handle = createTestDatabase();
  });
  afterAll(() => closeTestDatabase(handle));
  beforeEach(() => {
    handle.db.delete(boundarySets).run();
  });

  it("stores the shipped borders once, audited, under their content hash", () => {
    expect(loadShippedBordersOnFirstStart(ACTOR)).toEqual({ loaded: true });
    expect(loadShippedBordersOnFirstStart(ACTOR)).toMatchObject({ loaded: false });
    const rows = handle.db.select().from(boundarySets).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hash: borderSetHash(SHIPPED), source: SHIPPED_BORDERS_SOURCE, featureCount: 290 });
    expect(rows[0]!.topology).toBe(SHIPPED);
    const audit = handle.db.select().from(auditLog).all().filter((a) => a.action === "boundaries.import");
    expect(audit.at(-1)).toMatchObject({ actorLabel: "system:borders", entityId: String(rows[0]!.id) });
  });

  it.skipIf(!FIXTURE)("leaves borders an operator imported alone", () => {
    const imported = importBorders({ text: fs.readFileSync(FIXTURE!, "utf8"), source: "operator" }, ACTOR);
    expect(imported.ok).toBe(true);
    expect(loadShippedBordersOnFirstStart(ACTOR)).toEqual({ loaded: false, reason: "borders already stored" });
    expect(handle.db.select().from(boundarySets).all().map((r) => r.source)).toEqual(["operator"]);
  });

  it("a missing or damaged file is a reason in the log, not a stop", () => {
    const dir = makeTempDir();
    expect(loadShippedBordersOnFirstStart(ACTOR, path.join(dir, "missing.json")).loaded).toBe(false);
    fs.writeFileSync(path.join(dir, "bad.json"), "{}");
    expect(loadShippedBordersOnFirstStart(ACTOR, path.join(dir, "bad.json"))).toEqual({
      loaded: false,
      reason: "Gränsfilen är inte en TopoJSON-topologi med kommuner och län.",
    });
    expect(handle.db.select().from(boundarySets).all()).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("a fresh installation's map", () => {
  const storedSources = (databasePath: string) => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return (db.prepare("select source from boundary_sets order by id").all() as { source: string }[]).map((r) => r.source);
    } finally {
      db.close();
    }
  };
  const mapHtml = async (server: Awaited<ReturnType<typeof startServer>>) => {
    const cookie = await loginHttp(server, await createTestUser(server, { roles: ["manager"] }));
    return (await request(server, "/", { cookie })).text();
  };

  it("shows the shipped borders out of the box", async () => {
    const server = await startServer();
    try {
      const html = await mapHtml(server);
      expect(html).toContain(`/karta/granser/${borderSetHash(SHIPPED)}`);
      expect(storedSources(server.databasePath)).toEqual([SHIPPED_BORDERS_SOURCE]);
      // The first HTML holds the map as SVG, 290 shapes, and stays small: at most 45 KB gzip, each
      // municipality's name in the SVG (its link's name and title) and the table, not again as loader data.
      expect(html.match(/<a href="[^"]*municipality=\d{4}" aria-label="/g)).toHaveLength(290);
      expect(zlib.gzipSync(html).length).toBeLessThanOrEqual(45 * 1024);
      expect(html.split("Ödeshög").length - 1).toBe(3);
    } finally {
      await server.stop();
    }
  });

  it("BORDERS=none starts without borders: circles", async () => {
    const server = await startServer({ BORDERS: "none" });
    try {
      expect(await mapHtml(server)).not.toContain("/karta/granser/");
      expect(storedSources(server.databasePath)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it.skipIf(!FIXTURE)("GEO_SOURCE_URL still wins over the shipped borders", async () => {
    const source = http.createServer((_req, res) => res.writeHead(200).end(fs.readFileSync(FIXTURE!)));
    await new Promise<void>((resolve) => source.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(source.address() as AddressInfo).port}/kommuner.geojson`;
    const server = await startServer({ GEO_SOURCE_URL: url });
    try {
      expect(storedSources(server.databasePath)).toEqual([url]);
    } finally {
      await server.stop();
      source.close();
    }
  });
});
