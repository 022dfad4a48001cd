import type { IncomingMessage, ServerResponse } from "node:http";
import { mapTileOrigin } from "../services/env.server";

type NonceSource = (req: IncomingMessage, res: ServerResponse) => string;

/**
 * The Content-Security-Policy, enforced: scripts only from this origin or carrying the request's nonce
 * (Remix's inline scripts), no plugins, no framing, forms only to this origin. Map tiles may come from
 * MAP_TILE_URL's host; Leaflet also draws `data:` and `blob:` images.
 */
export function cspDirectives(options: { nonce: NonceSource; tileUrl?: string; upgradeInsecureRequests: boolean }) {
  const tiles = mapTileOrigin({ MAP_TILE_URL: options.tileUrl });
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", options.nonce],
    "script-src-attr": ["'none'"],
    // The app's stylesheet inlined in the document's head carries the nonce (components/inline-stylesheet.tsx).
    "style-src": ["'self'", options.nonce],
    // style="" attributes (React's style prop in server HTML).
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...(tiles ? [tiles] : [])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "upgrade-insecure-requests": options.upgradeInsecureRequests ? [] : null,
  };
}
