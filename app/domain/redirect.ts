/**
 * Where to go after signing in: only a path on this site. Anything that a browser could read as another
 * origin ("//evil", "/\\evil", "https://…", control characters) falls back to the start page.
 */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, "http://samverkanskartan.invalid");
    if (url.origin !== "http://samverkanskartan.invalid") return fallback;
    if (url.pathname === "/login" || url.pathname === "/logout") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
