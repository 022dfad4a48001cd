import { createContext, useContext } from "react";

/**
 * Markup a loader leaves for the document it is rendering on the server, outside the loader data: it is
 * written into the HTML once and never serialised a second time for hydration (the map's SVG). Keyed by
 * name; the value is made only when the document is rendered (not for a client-side data request).
 */
export type ServerMarkup = Map<string, () => string>;

const ServerMarkupContext = createContext<ServerMarkup | null>(null);

/** Set by entry.server around the document, from the request's load context. */
export const ServerMarkupProvider = ServerMarkupContext.Provider;

/** On the server, the markup left under `key` for this request; in the browser, always undefined. */
export function useServerMarkup(key: string): string | undefined {
  return useContext(ServerMarkupContext)?.get(key)?.();
}
