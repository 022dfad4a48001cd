import { useSyncExternalStore } from "react";

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
