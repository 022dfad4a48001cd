import fs from "node:fs";
import path from "node:path";
import type { LinksFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import { useState } from "react";
import { ClientOnly } from "remix-utils/client-only";
import FloorMap from "../floor-map.client";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletCss }];

/** The shapes as loader data: the borders the product ships, and the names for the panel. */
export function loader() {
  const topology = JSON.parse(fs.readFileSync(path.resolve(process.env.FLOOR_BORDERS ?? "data/borders.topo.json"), "utf8"));
  const names = JSON.parse(fs.readFileSync(path.resolve("data/municipalities.json"), "utf8")) as { code: string; name: string }[];
  return { topology, names: Object.fromEntries(names.map((m) => [m.code, m.name])) as Record<string, string> };
}

export default function Floor() {
  const { topology, names } = useLoaderData<typeof loader>();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="map-layout">
      <div className="map-frame">
        <div className="map-box">
          <ClientOnly fallback={null}>{() => <FloorMap topology={topology} onSelect={setSelected} />}</ClientOnly>
        </div>
      </div>
      <section className="municipality-panel">
        <h2 id="panel-title">{selected ? names[selected] : "Vald kommun"}</h2>
      </section>
    </div>
  );
}
