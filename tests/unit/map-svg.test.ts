import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { registerCounties, registerMunicipalities } from "../../data/register";
import {
  bordersGeometry,
  circlesGeometry,
  inverseMercator,
  mapSvgMarkup,
  mercator,
  standaloneMapSvg,
  VIEW_UNITS,
  type MapGeometry,
} from "../../app/domain/geo/map-svg";
import type { BorderTopology } from "../../app/domain/geo/topology";
import { packMapRows, unpackMapRows } from "../../app/domain/map-rows";
import {
  allShapeColourClasses,
  shapeClassName,
  shapeColourClass,
  shapeDrawOrder,
  type MapMunicipality,
} from "../../app/domain/map-view";

const topology = JSON.parse(fs.readFileSync("data/borders.topo.json", "utf8")) as BorderTopology;
const gothenburgCounty = registerMunicipalities.filter((m) => m.countyCode === "14").map((m) => m.code);
const names = new Map(registerMunicipalities.map((m) => [m.code, m.name]));

/** The points of a path, absolute, in units. */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    const numbers = (args!.match(/-?(\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const last = points.at(-1) ?? [0, 0];
      points.push(command === "M" ? [numbers[i]!, numbers[i + 1]!] : [last[0] + numbers[i]!, last[1] + numbers[i + 1]!]);
    }
  }
  return points;
}

const within = (g: MapGeometry, codes: readonly string[]) =>
  codes.every((code) =>
    pathPoints(g.shapes.get(code)!).every(([x, y]) => x >= -0.05 && y >= -0.05 && x <= g.width + 0.05 && y <= g.height + 0.05),
  );

describe("the server's map geometry", () => {
  it("projects like Leaflet's Web Mercator, and back", () => {
    expect(mercator(0, 0)).toEqual([128, 128]);
    const [x, y] = mercator(18.07, 59.33);
    const [lng, lat] = inverseMercator(x, y);
    expect(lng).toBeCloseTo(18.07, 9);
    expect(lat).toBeCloseTo(59.33, 9);
  });

  it("the whole country: 290 shapes within a viewBox whose larger side is 1000, south to north", () => {
    const g = bordersGeometry(topology, null);
    expect(g.kind).toBe("borders");
    expect(g.shapes.size).toBe(290);
    expect(Math.max(g.width, g.height)).toBe(VIEW_UNITS);
    expect(g.height).toBe(VIEW_UNITS); // Sweden is tall
    expect(within(g, [...g.shapes.keys()])).toBe(true);
    // Smygehuk (55.34° N) and Treriksröset (69.06° N) are in view.
    const [[south, west], [north, east]] = g.bounds;
    expect(south).toBeLessThan(55.34);
    expect(north).toBeGreaterThan(69.06);
    expect(west).toBeLessThan(10.96);
    expect(east).toBeGreaterThan(24.16);
  });

  it("a county fills the view; shapes wholly outside it are left out", () => {
    const g = bordersGeometry(topology, gothenburgCounty);
    expect(within(g, gothenburgCounty)).toBe(true);
    expect(g.shapes.size).toBeLessThan(200);
    expect(g.shapes.has("2584")).toBe(false); // Kiruna
    // The county touches the view on its longer side, within the margin.
    const points = gothenburgCounty.flatMap((code) => pathPoints(g.shapes.get(code)!));
    const span = Math.max(
      Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0])),
      Math.max(...points.map((p) => p[1])) - Math.min(...points.map((p) => p[1])),
    );
    expect(span).toBeGreaterThan(VIEW_UNITS * 0.9);
  });

  it("path data is compact: relative line-tos to a tenth, the 290 shapes and county borders within 20 KB gzip", () => {
    const g = bordersGeometry(topology, null);
    const all = [...g.shapes.values()].join("") + g.countyBorders;
    expect(all).toMatch(/^M[\d.]+[ \d.-]*l/);
    expect(all).not.toMatch(/\d\.\d\d/);
    expect(zlib.gzipSync(all).length).toBeLessThan(20 * 1024);
  });

  it("without borders, a circle per municipality at its representative point", () => {
    const g = circlesGeometry(registerMunicipalities, null);
    expect(g.kind).toBe("circles");
    expect(g.shapes.size).toBe(290);
    expect(g.countyBorders).toBeNull();
  });
});

describe("the server's SVG markup", () => {
  const g = bordersGeometry(topology, null);
  const shapes = [...g.shapes.keys()].map((code) => ({
    code,
    name: names.get(code)!,
    className: "map-shape fill-category-good",
    href: `?round=1&municipality=${code}`,
  }));

  it("each municipality is a link to the same view with its code, named by its name, in the order given", () => {
    const svg = mapSvgMarkup(g, [...shapes].reverse());
    expect(svg).toMatch(/^<svg class="map-svg" viewBox="0 0 [\d.]+ 1000" preserveAspectRatio="xMidYMid meet"/);
    const links = [...svg.matchAll(/<a href="([^"]+municipality=(\d{4}))" aria-label="([^"]+)"><title>([^<]+)<\/title><path class="([^"]+)" d="/g)];
    expect(links).toHaveLength(290);
    expect(links[0]![2]).toBe(shapes.at(-1)!.code);
    const gothenburg = links.find((l) => l[2] === "1480")!;
    expect(gothenburg[1]).toBe("?round=1&#38;municipality=1480");
    expect(gothenburg[3]).toBe("Göteborg");
    expect(gothenburg[4]).toBe("Göteborg");
    // County borders over the shapes.
    expect(svg.indexOf('class="map-county-borders"')).toBeGreaterThan(svg.lastIndexOf("</a>"));
  });

  it("names and classes are escaped", () => {
    const svg = mapSvgMarkup(g, [{ code: "0114", name: `<b>"A&B"</b>`, className: `x" onclick="y`, href: "?a=<" }]);
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain('" onclick');
    expect(svg).toContain("&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62;");
  });
});

describe("the map for documents without a stylesheet (the status report)", () => {
  const style = {
    width: 360,
    stroke: "#5d6675",
    strokeWidth: 0.3,
    countyStroke: "#1d2430",
    countyStrokeWidth: 0.8,
    circleRadius: 3.2,
  };

  it("the page's geometry with its colours as attributes, at the drawn width, county borders on top", () => {
    const g = bordersGeometry(topology, null);
    const svg = standaloneMapSvg(g, { ...style, fillOf: (code) => (code === "1480" ? "#6b1d57" : "#a8ddd0"), attributes: { "data-label": 'A "b"' } });
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="360" height="[\\d.]+" viewBox="0 0 ${g.width} ${g.height}" data-label="A &#34;b&#34;">`));
    expect(svg).not.toMatch(/class=|<a |<style/);
    const paths = [...svg.matchAll(/<path fill="(#[0-9a-f]{6})" d="([^"]+)"\/>/g)];
    expect(paths).toHaveLength(290);
    expect(paths.filter((p) => p[1] === "#6b1d57").map((p) => p[2])).toEqual([g.shapes.get("1480")]);
    expect(svg.lastIndexOf(`d="${g.countyBorders}"`)).toBeGreaterThan(svg.lastIndexOf('<path fill="#'));
    // Stroke widths are pixels at the drawn width: 0.3 px is 0.3 × (units per pixel).
    const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
    expect(height / 360).toBeCloseTo(g.height / g.width, 2);
    expect(Number(/<g stroke="#5d6675" stroke-width="([\d.]+)"/.exec(svg)![1])).toBeCloseTo((0.3 * g.width) / 360, 2);
  });

  it("without borders, a dot per municipality", () => {
    const svg = standaloneMapSvg(circlesGeometry(registerMunicipalities, null), { ...style, fillOf: () => "#eceef2" });
    expect(svg.match(/<circle fill="#eceef2" cx="[\d.]+" cy="[\d.]+" r="[\d.]+"\/>/g)).toHaveLength(290);
    expect(svg).not.toContain('fill="none"');
  });
});

describe("how a municipality is drawn", () => {
  const css = fs.readFileSync("app/styles/app.css", "utf8");

  it("every colouring value has one fill rule in app.css, for the SVG and Leaflet alike", () => {
    for (const className of allShapeColourClasses()) {
      expect(css.match(new RegExp(`\\.${className} \\{ fill: var\\(--[a-z-]+\\); \\}`, "g")), className).toHaveLength(1);
    }
  });

  it("the class follows the page's colouring; faded and selected are added", () => {
    const m = { category: "access_gap", dialogue: { status: "planned" }, changeClass: "worsened" } as Pick<
      MapMunicipality,
      "category" | "dialogue" | "changeClass"
    >;
    expect(shapeColourClass(m, "category")).toBe("fill-category-access_gap");
    expect(shapeColourClass(m, "dialogue")).toBe("fill-dialogue-planned");
    expect(shapeColourClass(m, "change")).toBe("fill-change-worsened");
    expect(shapeClassName("fill-category-good", { shown: false, selected: true })).toBe(
      "map-shape fill-category-good is-filtered-out is-selected",
    );
  });

  it("faded shapes are drawn first, so they never cover a matching one; the selected one last", () => {
    expect(shapeDrawOrder(["a", "b", "c", "d", "e"], new Set(["b", "d", "e"]), "d")).toEqual(["a", "c", "b", "e", "d"]);
    expect(shapeDrawOrder(["a", "b"], new Set(["a", "b"]), null)).toEqual(["a", "b"]);
  });
});

describe("the map rows as loader data", () => {
  const rows: MapMunicipality[] = registerMunicipalities.map((m, i) => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    countyName: registerCounties.find((c) => c.code === m.countyCode)!.name,
    latitude: m.latitude,
    longitude: m.longitude,
    collaboration: i % 3 ? "good" : null,
    interventionAccess: i % 2 ? "satisfactory" : "unsatisfactory",
    comment: i === 7 ? "Ny samordnare" : null,
    category: i % 3 ? "good" : "unrated",
    change: { kind: "unchanged", text: "Oförändrad sedan förra kartläggningen" },
    dialogue: { status: "no_contact", lastMeeting: null, nextMeeting: null },
  })) as MapMunicipality[];

  it("travel as columns without the register's fields, and come back whole", () => {
    const packed = packMapRows(rows);
    expect(Object.keys(packed.columns)).not.toContain("name");
    expect(Object.keys(packed.columns)).toContain("change.kind");
    expect(unpackMapRows(packed, { municipalities: registerMunicipalities, counties: registerCounties })).toEqual(rows);
  });
});
