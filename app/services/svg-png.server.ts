import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";

/**
 * An SVG string as a PNG, for the Word file (Word pastes PNG reliably; SVG only in new versions).
 * resvg (Rust, prebuilt in its npm package, no browser) renders text with DejaVu Sans, which Debian
 * installs with Chromium and .ci/run installs too; it is loaded from its files rather than by scanning
 * every system font at each call, which cost ~100 ms per image. Results are memoised by their input.
 */
const FONT_FILES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
].filter((f) => fs.existsSync(f));

const cache = new Map<string, { png: Buffer; width: number; height: number }>();

export function svgToPng(svg: string, options: { width: number }): { png: Buffer; width: number; height: number } {
  const key = `${options.width}:${svg}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rendered = new Resvg(svg, {
    fitTo: { mode: "width", value: options.width },
    background: "#ffffff",
    font: {
      loadSystemFonts: FONT_FILES.length === 0,
      fontFiles: FONT_FILES,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  }).render();
  const result = { png: rendered.asPng(), width: rendered.width, height: rendered.height };
  if (cache.size > 100) cache.clear();
  cache.set(key, result);
  return result;
}
