import { describe, expect, it } from "vitest";
import { cspDirectives } from "../../app/server/csp";
import { mapTileOrigin } from "../../app/services/env.server";
const tileSource = (url: string | undefined) => mapTileOrigin({ MAP_TILE_URL: url });

const nonce = () => "'nonce-abc'";

describe("content security policy", () => {
  it("allows scripts only from the site and with the request's nonce, never inline or eval", () => {
    const d = cspDirectives({ nonce, upgradeInsecureRequests: false });
    expect(d["script-src"]).toEqual(["'self'", nonce]);
    expect(JSON.stringify(d["script-src"])).not.toMatch(/unsafe/);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
  });

  it("lets the map load tiles from the configured tile host and Leaflet's data/blob images", () => {
    const d = cspDirectives({ nonce, tileUrl: "https://{s}.tile.example.org/{z}/{x}/{y}.png", upgradeInsecureRequests: true });
    expect(d["img-src"]).toEqual(["'self'", "data:", "blob:", "https://*.tile.example.org"]);
    expect(d["upgrade-insecure-requests"]).toEqual([]);
    expect(cspDirectives({ nonce, upgradeInsecureRequests: false })["img-src"]).toEqual(["'self'", "data:", "blob:"]);
  });

  it("ignores a tile URL that is not a plain http(s) host", () => {
    expect(tileSource("ftp://x.example/{z}")).toBeNull();
    expect(tileSource("https://a.example;script-src *")).toBeNull();
    expect(tileSource(undefined)).toBeNull();
    expect(tileSource("http://tiles.example:8080/{z}/{x}/{y}.png")).toBe("http://tiles.example:8080");
  });
});
