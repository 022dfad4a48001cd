import { useHydrated } from "remix-utils/use-hydrated";
import type { LegendEntry } from "../../domain/map-view";
import { DOWNLOAD_CSV } from "../../domain/wording";
import { CATEGORY_COLOURS, CHANGE_COLOURS, DIALOGUE_COLOURS } from "./colours";
import { exportMapPng } from "./export-png.client";
import type { DrawnLayers } from "./national-map.client";

/**
 * Downloads and printing. The CSV link works without script; the PNG export and the print button
 * appear once the page has hydrated (the PNG once the map has drawn its layers).
 */
export function MapToolbar({
  csvHref,
  layers,
  title,
  fileName,
  attribution,
  legend,
  example,
}: {
  csvHref: string;
  layers: DrawnLayers | null;
  title: string;
  /** The PNG's file name, with the round and the county or country. */
  fileName: string;
  attribution: string | null;
  legend: readonly LegendEntry[];
  example: boolean;
}) {
  const hydrated = useHydrated();
  return (
    <div className="map-toolbar no-print">
      <a className="button secondary" href={csvHref} download>
        {DOWNLOAD_CSV}
      </a>
      {hydrated ? (
        <>
          <button
            type="button"
            className="button secondary"
            disabled={!layers}
            onClick={() =>
              layers &&
              exportMapPng(layers, {
                title,
                attribution,
                legend: legend.map((e) => ({
                  colour: e.kind === "dialogue" ? DIALOGUE_COLOURS[e.key] : e.kind === "change" ? CHANGE_COLOURS[e.key] : CATEGORY_COLOURS[e.key],
                  text: e.text,
                })),
                note: example ? "Exempeldata, inte verkliga bedömningar." : null,
                fileName,
              })
            }
          >
            Spara kartbild (PNG)
          </button>
          <button type="button" className="button secondary" onClick={() => window.print()}>
            Skriv ut
          </button>
        </>
      ) : null}
    </div>
  );
}
