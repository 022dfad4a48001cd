import { useEffect, useRef, type MouseEvent } from "react";
import { useServerMarkup } from "../server-markup";
import type { SelectionStore } from "./selection";

/** The key under which the map page's loader leaves the SVG markup (components/server-markup.tsx). */
export const MAP_SVG_MARKUP = "map-svg";

/**
 * Marks the first frame that shows the server's map (for the benchmarks): a script right after the SVG,
 * part of the server's markup, carrying the request's CSP nonce.
 */
export function seenMarkScript(nonce: string): string {
  return `<script nonce="${nonce.replace(/[^A-Za-z0-9+/=]/g, "")}">requestAnimationFrame(function(){performance.mark("map:shapes-seen")})</script>`;
}

/**
 * The map as the server drew it: an inline SVG, in the HTML before any script runs, each municipality a
 * link to the same view with `?municipality=CODE` (without script, the server opens its panel). The
 * markup is not loader data: the browser keeps what the server sent (React does not patch the inner
 * HTML of a hydrated element) until Leaflet has drawn the same picture beneath it and the frame removes
 * this. Once the page has hydrated, a click selects in place as a click on Leaflet's shape does.
 */
export function ServerMapSvg({ selection }: { selection: SelectionStore }) {
  const markup = useServerMarkup(MAP_SVG_MARKUP);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => selection.subscribe(() => outline(host.current, selection.get())), [selection]);

  const select = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const code = codeOfLink((event.target as Element).closest?.("a[href]") ?? null);
    if (!code) return;
    event.preventDefault();
    selection.set(code);
  };

  return (
    <>
      <div
        ref={host}
        className="map-svg-host"
        onClick={select}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: markup ?? "" }}
      />
      <ZoomButtonsPlaceholder />
    </>
  );
}

/**
 * Leaflet's zoom buttons as they will look, drawn (not working) while the SVG is shown and only when
 * script runs, so the handover changes nothing on screen; without script there is no zoom to offer.
 */
function ZoomButtonsPlaceholder() {
  return (
    <div className="map-svg-controls leaflet-touch" aria-hidden="true">
      <div className="leaflet-top leaflet-left">
        <div className="leaflet-control-zoom leaflet-bar leaflet-control">
          <a className="leaflet-control-zoom-in">
            <span>+</span>
          </a>
          <a className="leaflet-control-zoom-out">
            <span>−</span>
          </a>
        </div>
      </div>
    </div>
  );
}

/** Outlines the selected municipality in the SVG and draws it last, as the server would have. */
function outline(svg: HTMLElement | null, code: string | null) {
  if (!svg) return;
  for (const element of svg.querySelectorAll(".is-selected")) element.classList.remove("is-selected");
  const link = code && /^\d{4}$/.test(code) ? svg.querySelector(`a[href$="municipality=${code}"]`) : null;
  if (!link) return;
  link.querySelector(".map-shape")?.classList.add("is-selected");
  link.parentNode?.insertBefore(link, svg.querySelector(".map-county-borders"));
}

/**
 * The municipality a shape's link opens: its href ends with `municipality=CODE` (the code is not repeated
 * in a data attribute; 290 of them cost 1.9 KB of the document's gzip).
 */
function codeOfLink(link: Element | null): string | null {
  return /[?&]municipality=(\d{4})$/.exec(link?.getAttribute("href") ?? "")?.[1] ?? null;
}
