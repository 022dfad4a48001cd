import type { DialogueStatus } from "../../domain/dialogue-status";
import type { Category } from "../../domain/rating";
import type { ChangeClass } from "../../domain/round-comparison";

/**
 * Fill colours for the map, the legend swatches and the PNG export. The same values as the CSS
 * variables (--cat-*, --dlg-*) in app.css; kept here too because Leaflet styles SVG paths from script.
 * Okabe–Ito based and distinct in lightness, so they survive colour-blindness and grey-scale print.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  good: "#a8ddd0",
  access_gap: "#e69f00",
  needs_strengthening: "#6b1d57",
  unrated: "#eceef2",
};

export const DIALOGUE_COLOURS: Record<DialogueStatus, string> = {
  met_this_year: "#1f5f99",
  planned: "#8cc3ec",
  no_contact: "#dde1e7",
};

/** Municipalities outside the filter stay on the map for orientation, but fade out. */
export const FILTERED_OUT_FILL = "#f7f8fa";
export const BORDER_COLOUR = "#5d6675";
export const COUNTY_BORDER_COLOUR = "#1d2430";
export const SELECTED_COLOUR = "#000000";

/** The change map (colour=change): Okabe–Ito blue for better, vermillion for worse; the same as --chg-* in app.css. */
export const CHANGE_COLOURS: Record<ChangeClass, string> = {
  improved: "#0072b2",
  unchanged: "#c9cdd4",
  worsened: "#d55e00",
  unrated: "#eceef2",
};

/** A pre-filled rating nobody has confirmed: the category colour, lighter, with a dashed outline. */
export const UNCONFIRMED_FILL_OPACITY = 0.4;
export const UNCONFIRMED_DASH = "4 3";
