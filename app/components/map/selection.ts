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
};

export function createSelectionStore(initial: string | null = null): SelectionStore {
  let code = initial;
  const listeners = new Set<() => void>();
  return {
    initial,
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
