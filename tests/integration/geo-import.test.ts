import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import type { FeatureCollection, Geometry, Position } from "geojson";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, boundarySets } from "../../db/schema";
import { fromWgs84ToSweref } from "../../app/domain/geo/projection";
import { getCurrentBoundarySet } from "../../app/models/boundary.server";
import { importBorders, importBordersOnFirstStart, readGeoSource } from "../../app/services/geo-import.server";
import { loader as bordersLoader } from "../../app/routes/karta.granser.$hash";
import { signedInRequest } from "../support/auth";
import { closeTestDatabase, createTestDatabase, makeTempDir, sharedFixture } from "../support/database";

const FIXTURE = sharedFixture("swedish_municipalities.geojson");
const ACTOR = { id: null, label: "geo:import" };

type Fc = FeatureCollection<Geometry>;
const load = (): Fc => JSON.parse(fs.readFileSync(FIXTURE!, "utf8")) as Fc;

describe.skipIf(!FIXTURE)("importing municipality borders", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  let original: string;

  beforeAll(() => {
    handle = createTestDatabase();
    original = fs.readFileSync(FIXTURE!, "utf8");
  });
  afterAll(() => closeTestDatabase(handle));
  beforeEach(() => {
    handle.db.delete(boundarySets).run();
  });

  const storedCount = () => handle.db.select().from(boundarySets).all().length;

  it("the real borders of all 290 municipalities are stored as TopoJSON within 50 KB gzip, and audited", () => {
    const result = importBorders({ text: original, source: "fixture" }, ACTOR);
    expect(result).toMatchObject({ ok: true, featureCount: 290, codeProperty: "id", reprojected: false });
    const stored = handle.db.select().from(boundarySets).get()!;
    expect(zlib.gzipSync(stored.topology).length).toBeLessThanOrEqual(50 * 1024);
    const topology = JSON.parse(stored.topology);
    expect(topology.type).toBe("Topology");
    expect(topology.objects.municipalities.geometries).toHaveLength(290);
    expect(topology.objects.counties.geometries).toHaveLength(21);
    const audit = handle.db.select().from(auditLog).all().filter((a) => a.action === "boundaries.import");
    expect(audit.at(-1)).toMatchObject({ actorLabel: "geo:import", entityId: String(stored.id) });
  });

  it("a file with a municipality missing, one unknown and one duplicated is refused with every problem listed", () => {
    const fc = load();
    const removed = fc.features.splice(0, 1)[0]!;
    fc.features[0]!.properties!.id = "9999";
    fc.features.push(structuredClone(fc.features[5]!));
    const result = importBorders({ text: JSON.stringify(fc), source: "broken" }, ACTOR);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.join("\n")).toContain(`kommuner saknas: `);
    expect(problems.join("\n")).toContain(String(removed.properties!.id));
    expect(problems.join("\n")).toContain("okända kommunkoder: 9999");
    expect(problems.join("\n")).toContain("förekommer flera gånger");
    expect(storedCount()).toBe(0);
  });

  it("a self-intersecting border is refused, naming the municipality", () => {
    const fc = load();
    const target = fc.features.find((f) => f.properties!.id === "1480")!;
    target.geometry = { type: "Polygon", coordinates: [[[11.9, 57.7], [12.0, 57.8], [12.0, 57.7], [11.9, 57.8], [11.9, 57.7]]] };
    const result = importBorders({ text: JSON.stringify(fc), source: "broken" }, ACTOR);
    expect(result.ok ? [] : result.problems).toEqual(["1480 Göteborg: geometrin korsar sig själv."]);
    expect(storedCount()).toBe(0);
  });

  it("a truncated file is refused and nothing is stored", () => {
    const result = importBorders({ text: original.slice(0, 5000), source: "cut" }, ACTOR);
    expect(result.ok ? [] : result.problems[0]).toMatch(/^Filen är inte giltig JSON/);
    expect(storedCount()).toBe(0);
  });

  it("borders in SWEREF 99 TM under KnKod are reprojected and stored", () => {
    const fc = load();
    const project = (ring: Position[]) => ring.map((p) => fromWgs84ToSweref(p));
    for (const f of fc.features) {
      f.properties = { KnKod: f.properties!.id, namn: f.properties!.kom_namn };
      const g = f.geometry;
      if (g.type === "Polygon") g.coordinates = g.coordinates.map(project);
      if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(project));
    }
    const result = importBorders({ text: JSON.stringify(fc), source: "sweref" }, ACTOR);
    expect(result).toMatchObject({ ok: true, codeProperty: "KnKod", reprojected: true, featureCount: 290 });
    const topology = JSON.parse(handle.db.select().from(boundarySets).get()!.topology);
    const [lon, lat] = topology.bbox;
    expect(lon).toBeGreaterThan(10);
    expect(lat).toBeGreaterThan(55);
  });

  it("imports over HTTP, and a server that is not there is a Swedish error", async () => {
    const server = http.createServer((req, res) => {
      if (req.url === "/kommuner.geojson") {
        res.writeHead(200, { "Content-Type": "application/geo+json" });
        res.end(original);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const text = await readGeoSource(`${base}/kommuner.geojson`);
      expect(importBorders({ text, source: base }, ACTOR)).toMatchObject({ ok: true, featureCount: 290 });
      await expect(readGeoSource(`${base}/saknas.geojson`)).rejects.toThrow("servern svarade 404");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(readGeoSource(`${base}/kommuner.geojson`)).rejects.toThrow(/^Kunde inte hämta/);
  });

  it("GEO_SOURCE_URL at first start: an unreachable source leaves the circles, a reachable one imports once", async () => {
    const unreachable = await importBordersOnFirstStart("http://127.0.0.1:9/kommuner.geojson", ACTOR);
    expect(unreachable.imported).toBe(false);
    expect(getCurrentBoundarySet()).toBeUndefined();
    const dir = makeTempDir();
    const file = path.join(dir, "k.geojson");
    fs.writeFileSync(file, original);
    expect(await importBordersOnFirstStart(file, ACTOR)).toEqual({ imported: true });
    expect(await importBordersOnFirstStart(file, ACTOR)).toMatchObject({ imported: false });
    expect(storedCount()).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the borders are served at their fingerprinted URL with year-long caching; an old hash is 404", async () => {
    const result = importBorders({ text: original, source: "fixture" }, ACTOR);
    if (!result.ok) throw new Error(result.problems.join());
    const call = async (hash: string) =>
      bordersLoader({ params: { hash }, request: await signedInRequest(`/karta/granser/${hash}`), context: {} as never });
    const response = await call(result.hash);
    expect(response.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.objects.municipalities.geometries).toHaveLength(290);
    expect((await call("0123456789abcdef0000")).status).toBe(404);
    expect((await call("../../etc")).status).toBe(404);
  });

  it("npm run geo:import exits 1 and lists problems for a broken file, 0 when it stores", () => {
    const dir = makeTempDir();
    const broken = path.join(dir, "broken.geojson");
    const fc = load();
    fc.features.splice(10, 2);
    fs.writeFileSync(broken, JSON.stringify(fc));
    const run = (file: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "app/commands/geo-import.ts", file], {
        env: { ...process.env, DATABASE_PATH: path.join(dir, "cli.sqlite") },
        encoding: "utf8",
      });
    const refused = run(broken);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Gränserna importerades inte");
    expect(refused.stderr).toContain("2 kommuner saknas");
    const stored = run(FIXTURE!);
    expect(stored.status).toBe(0);
    expect(stored.stdout).toContain("Importerade gränser för 290 kommuner");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
