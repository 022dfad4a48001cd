import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import { findCodeProperty, normalizeMunicipalityCode } from "../../app/domain/geo/code-property";
import { parseFeatureCollection } from "../../app/domain/geo/parse";
import { detectCoordinateSystem, fromWgs84ToSweref, toWgs84 } from "../../app/domain/geo/projection";
import { buildBorderTopology } from "../../app/domain/geo/topology";
import { checkCodes, geometryProblem } from "../../app/domain/geo/validate";

const square = (x: number, y: number, d = 0.5): Geometry => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const f = (properties: Record<string, unknown>, geometry: Geometry = square(15, 60)): Feature<Geometry> => ({
  type: "Feature",
  properties,
  geometry,
});
const collection = (features: Feature<Geometry>[]): FeatureCollection<Geometry> => ({ type: "FeatureCollection", features });

describe("reading a border file", () => {
  it("refuses text that is not a GeoJSON FeatureCollection, in Swedish", () => {
    expect(parseFeatureCollection("{not json")).toMatchObject({ ok: false });
    const notCollection = parseFeatureCollection(JSON.stringify({ type: "Feature" }));
    expect(notCollection.ok ? [] : notCollection.problems).toEqual([
      'Filen är inte en GeoJSON FeatureCollection ("type": "FeatureCollection" saknas).',
    ]);
  });

  it("finds the municipality code under kommunkod, KnKod or kom_kod, numeric or not", () => {
    const known = new Set(["0114", "1480"]);
    expect(findCodeProperty([f({ KnKod: "0114" }), f({ KnKod: "1480" })], known)).toEqual({ ok: true, property: "KnKod" });
    expect(findCodeProperty([f({ kom_kod: 114 }), f({ kom_kod: 1480 })], known)).toEqual({ ok: true, property: "kom_kod" });
    expect(findCodeProperty([f({ kommunkod: "1480", id: 7 })], known)).toEqual({ ok: true, property: "kommunkod" });
    expect(normalizeMunicipalityCode(114)).toBe("0114");
  });

  it("says which properties the file has when no code is found, and honours --code-property", () => {
    const result = findCodeProperty([f({ namn: "Upplands Väsby", nummer: "0114" })], new Set(["0114"]));
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problem).toContain("namn, nummer");
    expect(findCodeProperty([f({ nummer: "0114" })], new Set(["0114"]), "nummer")).toEqual({ ok: true, property: "nummer" });
  });

  it("tells SWEREF 99 TM from WGS 84 and reprojects Göteborg's position to within a metre", () => {
    const gothenburg = [11.97456, 57.70887];
    const sweref = fromWgs84ToSweref(gothenburg);
    expect(sweref[0]).toBeGreaterThan(300_000);
    const fc = collection([f({ id: "1480" }, { type: "Point", coordinates: sweref })]);
    const detected = detectCoordinateSystem(fc);
    expect(detected).toEqual({ ok: true, crs: "sweref99tm" });
    const back = (toWgs84(fc, "sweref99tm").features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(Math.abs(back[0]! - gothenburg[0]!)).toBeLessThan(1e-5);
    expect(Math.abs(back[1]! - gothenburg[1]!)).toBeLessThan(1e-5);
    expect(detectCoordinateSystem(collection([f({}, square(15, 60))]))).toEqual({ ok: true, crs: "wgs84" });
  });

  it("refuses coordinates that are neither system, and a named system it does not support", () => {
    expect(detectCoordinateSystem(collection([f({}, square(2_000_000, 100))])).ok).toBe(false);
    const named = { ...collection([f({}, square(15, 60))]), crs: { type: "name", properties: { name: "EPSG:3857" } } };
    expect(detectCoordinateSystem(named)).toMatchObject({ ok: false, problem: expect.stringContaining("EPSG:3857") });
  });
});

describe("checking codes and geometries", () => {
  const register = [
    { code: "0114", name: "Upplands Väsby" },
    { code: "0115", name: "Vallentuna" },
    { code: "1480", name: "Göteborg" },
  ];

  it("lists the missing, unknown and duplicated codes with names", () => {
    const problems = checkCodes(["0114", "0114", "9999", null], register);
    expect(problems).toEqual([
      "1 objekt saknar kommunkod.",
      "2 kommuner saknas: 0115 Vallentuna, 1480 Göteborg.",
      "1 okända kommunkoder: 9999.",
      "1 kommuner förekommer flera gånger: 0114 Upplands Väsby (2 gånger).",
    ]);
    expect(checkCodes(["0114", "0115", "1480"], register)).toEqual([]);
  });

  it("refuses a self-intersecting (bow-tie) polygon, an open ring and a point", () => {
    expect(geometryProblem(square(15, 60))).toBeNull();
    const bowtie: Geometry = { type: "Polygon", coordinates: [[[15, 60], [16, 61], [16, 60], [15, 61], [15, 60]]] };
    expect(geometryProblem(bowtie)).toContain("korsar sig själv");
    const open: Geometry = { type: "Polygon", coordinates: [[[15, 60], [16, 60], [16, 61], [15, 61]]] };
    expect(geometryProblem(open)).toContain("inte är sluten");
    expect(geometryProblem({ type: "Point", coordinates: [15, 60] })).toContain("Point");
    expect(geometryProblem(null)).toBe("saknar geometri");
  });
});

describe("building the topology", () => {
  it("keeps one shape per municipality under its code and derives one county per county code", () => {
    const topo = buildBorderTopology(
      [
        { code: "0114", countyCode: "01", geometry: square(15, 60) as never },
        { code: "0115", countyCode: "01", geometry: square(15.5, 60) as never },
        { code: "0305", countyCode: "03", geometry: square(16, 60) as never },
      ],
      { simplifyShare: 0, maxPoints: 1e6, quantization: 1e4 },
    );
    const municipalities = feature(topo, topo.objects.municipalities);
    expect(municipalities.features.map((m) => m.id)).toEqual(["0114", "0115", "0305"]);
    const counties = feature(topo, topo.objects.counties);
    expect(counties.features.map((c) => c.id)).toEqual(["01", "03"]);
    // Two neighbouring squares merge into one polygon for county 01.
    expect(counties.features[0]!.geometry.type).toBe("MultiPolygon");
    expect((counties.features[0]!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(1);
  });
});
