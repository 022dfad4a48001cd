import { useSyncExternalStore } from "react";

/**
 * The selected municipality, outside React state: a click on the map restyles the shape through
 * Leaflet and re-renders only the components that read the selection (the side panel), not the page
 * with its table and legend. That keeps the click → panel time within its budget.
 */
export type SelectionStore = {
  get: () => string | null;
  set: (code: string | null) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createSelectionStore(): SelectionStore {
  let code: string | null = null;
  const listeners = new Set<() => void>();
  return {
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

/** Nothing is selected in the server render, so hydration always starts from "no selection". */
const nothingSelected = () => null;

export function useSelectedCode(store: SelectionStore): string | null {
  return useSyncExternalStore(store.subscribe, store.get, nothingSelected);
}
