import { useEffect, useSyncExternalStore } from "react";
import { withSelectedMunicipality } from "../../domain/map-view";

/**
 * The selected municipality, outside React state: a click on the map restyles the shape through
 * Leaflet and re-renders only the components that read the selection (the side panel), not the page
 * with its table and legend. That keeps the click → panel time within its budget.
 */
export type SelectionStore = {
  /** The selection the page was rendered with on the server (from the URL). */
  initial: string | null;
  get: () => string | null;
  set: (code: string | null) => void;
  subscribe: (listener: () => void) => () => void;
  /**
   * Where the keyboard focus goes back to when the panel closes: set when a selection moved the focus
   * into the panel (the table's "Visa").
   */
  returnFocus: HTMLElement | null;
};

export function createSelectionStore(initial: string | null = null): SelectionStore {
  let code = initial;
  const listeners = new Set<() => void>();
  return {
    initial,
    returnFocus: null,
    get: () => code,
    set: (next) => {
      if (next === code) return;
      code = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Hydration starts from what the server rendered: the selection named in the URL, if any. */
export function useSelectedCode(store: SelectionStore): string | null {
  return useSyncExternalStore(store.subscribe, store.get, () => store.initial);
}

/**
 * The selection lives in the address (`?municipality=`), so a view with an open panel can be shared or
 * bookmarked. A click replaces the current history entry in place, keeping Remix's state, without a
 * navigation: the loader does not run again for a click. A navigation (back, forward, a link) brings
 * the selection its URL names.
 */
export function useSelectionInAddress(selection: SelectionStore, fromUrl: string | null) {
  useEffect(() => selection.set(fromUrl), [selection, fromUrl]);
  useEffect(
    () =>
      selection.subscribe(() => {
        const { pathname, search, hash } = window.location;
        const next = withSelectedMunicipality(search, selection.get());
        if (next !== search) window.history.replaceState(window.history.state, "", `${pathname}${next}${hash}`);
      }),
    [selection],
  );
}

/**
 * Selects a municipality and moves the keyboard focus to its panel (once it has been drawn); closing the
 * panel brings the focus back to the element that had it.
 */
export function selectAndFocusPanel(store: SelectionStore, code: string) {
  const active = document.activeElement;
  store.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
  store.set(code);
  requestAnimationFrame(() => {
    const title = document.getElementById(PANEL_TITLE_ID);
    title?.setAttribute("tabindex", "-1");
    title?.focus();
  });
}

/** Closes the panel; the focus goes back to where it came from, if it came from somewhere. */
export function closePanel(store: SelectionStore) {
  const back = store.returnFocus;
  store.returnFocus = null;
  store.set(null);
  if (back?.isConnected) back.focus();
}

/** The panel's heading, which takes the focus when the panel is opened from the keyboard. */
export const PANEL_TITLE_ID = "panel-title";
