import { useNonce } from "./nonce";
import { useServerMarkup } from "./server-markup";

/** The key under which the server leaves the app's stylesheet text for the document (app/server/app.ts). */
export const INLINE_STYLESHEET_MARKUP = "inline-stylesheet";

let fromDocument: string | undefined;
let documentNonce: string | undefined;

/**
 * In the browser the nonce context is empty, and the browser hides the nonce attribute; the scripts'
 * `nonce` property still has it. A stylesheet element React creates anew (the document re-rendered
 * after the root loader failed) needs it, or the CSP blocks the styles.
 */
function nonceFromDocument(): string {
  return (documentNonce ??= document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "");
}

/**
 * The app's own stylesheet, written into the document's head instead of a `<link>`: the first frame (the
 * map's SVG) then waits for no stylesheet request, which the browser only starts once it has read the
 * whole first chunk of the document (issue 12's *seen*: about 200 ms of 4× slowdown). In the browser the
 * element keeps what the server wrote (read back once, so a client re-render cannot empty it).
 */
export function InlineStylesheet() {
  const contextNonce = useNonce();
  const nonce = contextNonce || (typeof document !== "undefined" ? nonceFromDocument() : "");
  const serverCss = useServerMarkup(INLINE_STYLESHEET_MARKUP);
  if (serverCss === undefined && typeof document !== "undefined") {
    fromDocument ??= document.getElementById("app-stylesheet")?.textContent ?? "";
  }
  return (
    <style
      id="app-stylesheet"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: serverCss ?? fromDocument ?? "" }}
    />
  );
}
