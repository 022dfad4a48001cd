import { describe, expect, it } from "vitest";
import { mapTileLayer, mapTileOrigin } from "../../app/services/env.server";

describe("the optional base map", () => {
  it("without MAP_TILE_URL the map has no tile layer and the CSP needs no extra image host", () => {
    expect(mapTileLayer({ MAP_TILE_URL: undefined, MAP_TILE_ATTRIBUTION: undefined })).toBeNull();
    expect(mapTileOrigin({ MAP_TILE_URL: undefined })).toBeNull();
  });

  it("names the host the CSP's img-src must allow, with a wildcard for the {s} subdomain", () => {
    expect(mapTileOrigin({ MAP_TILE_URL: "https://{s}.tile.example.org/{z}/{x}/{y}.png" })).toBe("https://*.tile.example.org");
    expect(mapTileOrigin({ MAP_TILE_URL: "https://kartor.example.se/wmts/{z}/{x}/{y}.png" })).toBe("https://kartor.example.se");
    expect(
      mapTileLayer({ MAP_TILE_URL: "https://kartor.example.se/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Lantmäteriet" }),
    ).toEqual({ url: "https://kartor.example.se/{z}/{x}/{y}.png", attribution: "© Lantmäteriet" });
  });
});
