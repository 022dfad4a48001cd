import type { BrowserContext } from "playwright-core";
import { createTestUser, loginHttp } from "../support/auth";
import { sharedFixture } from "../support/database";
import { importBorders, startServer } from "../support/server";

/**
 * The real server with the fixture's borders imported and a signed-in manager's session cookie
 * ("name=value"): what every map benchmark starts from.
 */
export async function startMapServer(env: Record<string, string> = {}) {
  const fixture = sharedFixture("swedish_municipalities.geojson");
  if (!fixture) throw new Error("The border fixture (../shared/fixtures/swedish_municipalities.geojson) is missing.");
  const server = await startServer(env);
  const imported = importBorders(server, fixture);
  if (imported.status !== 0) throw new Error(imported.stderr);
  const cookie = await loginHttp(server, await createTestUser(server, { roles: ["manager"] }));
  return { server, cookie };
}

/** Puts the session cookie into a fresh browser context, so its pages are signed in. */
export async function signInContext(context: BrowserContext, url: string, cookie: string) {
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  const secure = name.startsWith("__Host-");
  await context.addCookies([{ name, value, domain: new URL(url).hostname, path: "/", secure, httpOnly: true, sameSite: "Lax" }]);
}

/** A bare Leaflet page: no framework, SVG renderer, the same TopoJSON, the same mark. */
export function bareLeafletPage(topologyUrl: string) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Bare Leaflet</title>
<link rel="stylesheet" href="/leaflet.css"><style>#map{height:760px;width:640px}</style></head>
<body><div id="map"></div><script src="/leaflet.js"></script><script src="/topojson-client.js"></script>
<script>
const map = L.map("map", { preferCanvas: false, zoomSnap: 0.25 }).fitBounds([[55.3, 10.9], [69.1, 24.2]]);
fetch(${JSON.stringify(topologyUrl)}).then((r) => r.json()).then((t) => {
  const layer = L.geoJSON(topojson.feature(t, t.objects.municipalities), {
    style: { fillColor: "#a8ddd0", fillOpacity: 1, color: "#5d6675", weight: 0.6 },
  }).addTo(map);
  layer.eachLayer((l) => l.bindTooltip(() => document.createTextNode("x")));
  L.geoJSON(topojson.mesh(t, t.objects.counties, (a, b) => a !== b), { style: { weight: 1.6 }, interactive: false }).addTo(map);
  requestAnimationFrame(() => performance.mark("map:shapes-drawn"));
});
</script></body></html>`;
}
