import fs from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import pointToLineDistance from "@turf/point-to-line-distance";
import polygonToLine from "@turf/polygon-to-line";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { sharedFixture } from "../support/database";

const OFFICIAL_COUNTS: Record<string, [string, number]> = {
  "01": ["Stockholms län", 26],
  "03": ["Uppsala län", 8],
  "04": ["Södermanlands län", 9],
  "05": ["Östergötlands län", 13],
  "06": ["Jönköpings län", 13],
  "07": ["Kronobergs län", 8],
  "08": ["Kalmar län", 12],
  "09": ["Gotlands län", 1],
  "10": ["Blekinge län", 5],
  "12": ["Skåne län", 33],
  "13": ["Hallands län", 6],
  "14": ["Västra Götalands län", 49],
  "17": ["Värmlands län", 16],
  "18": ["Örebro län", 12],
  "19": ["Västmanlands län", 10],
  "20": ["Dalarnas län", 15],
  "21": ["Gävleborgs län", 10],
  "22": ["Västernorrlands län", 7],
  "23": ["Jämtlands län", 8],
  "24": ["Västerbottens län", 15],
  "25": ["Norrbottens län", 14],
};

describe("the municipality register", () => {
  it("has 290 municipalities with unique four-digit codes", () => {
    expect(registerMunicipalities).toHaveLength(290);
    const codes = registerMunicipalities.map((m) => m.code);
    expect(new Set(codes).size).toBe(290);
    for (const code of codes) expect(code).toMatch(/^\d{4}$/);
  });

  it("has the 21 counties with their official names and number of municipalities", () => {
    expect(registerCounties).toHaveLength(21);
    for (const county of registerCounties) {
      const [name, count] = OFFICIAL_COUNTS[county.code] ?? [];
      expect(county.name, `county ${county.code}`).toBe(name);
      expect(
        registerMunicipalities.filter((m) => m.countyCode === county.code).length,
        `municipalities in ${county.name}`,
      ).toBe(count);
    }
  });

  it("gives every municipality a code that starts with its county's code", () => {
    for (const m of registerMunicipalities) expect(m.code.slice(0, 2), m.name).toBe(m.countyCode);
  });

  it("places every representative point in Sweden", () => {
    for (const m of registerMunicipalities) {
      expect(m.latitude, m.name).toBeGreaterThan(55.3);
      expect(m.latitude, m.name).toBeLessThan(69.1);
      expect(m.longitude, m.name).toBeGreaterThan(10.9);
      expect(m.longitude, m.name).toBeLessThan(24.2);
    }
  });

  const fixture = sharedFixture("swedish_municipalities.geojson");
  describe.runIf(fixture)("against the official borders (shared fixture)", () => {
    type Props = { id: string; kom_namn: string; lan_code: string };
    const features = fixture
      ? (JSON.parse(fs.readFileSync(fixture, "utf8")).features as Feature<Polygon | MultiPolygon, Props>[])
      : [];
    const byCode = new Map(features.map((f) => [f.properties.id, f]));

    it("has exactly the fixture's codes and names", () => {
      expect([...byCode.keys()].sort()).toEqual(registerMunicipalities.map((m) => m.code).sort());
      for (const m of registerMunicipalities) {
        expect(m.name, m.code).toBe(byCode.get(m.code)!.properties.kom_namn);
        expect(m.countyCode, m.code).toBe(byCode.get(m.code)!.properties.lan_code);
      }
    });

    it("puts every representative point inside its municipality or within 2 km of it", () => {
      const far: string[] = [];
      for (const m of registerMunicipalities) {
        const feature = byCode.get(m.code)!;
        const point: [number, number] = [m.longitude, m.latitude];
        if (booleanPointInPolygon(point, feature)) continue;
        const lines = polygonToLine(feature);
        const boundaries = lines.type === "FeatureCollection" ? lines.features : [lines];
        const km = Math.min(...boundaries.map((l) => pointToLineDistance(point, l as never, { units: "kilometers" })));
        if (km > 2) far.push(`${m.name} (${km.toFixed(1)} km)`);
      }
      expect(far).toEqual([]);
    });
  });
});
