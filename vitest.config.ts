import { defineConfig, type Plugin } from "vitest/config";

/**
 * Remix's convention on the server: a `*.client` module (the Leaflet map, the PNG export) is replaced
 * by an empty module, so a route that uses them through ClientOnly still imports on the server. Tests
 * import route modules the same way (the map-page test calls the real `/` loader).
 */
function emptyClientModules(): Plugin {
  const EMPTY = "\0empty-client-module";
  return {
    name: "samverkanskartan:empty-client-modules",
    enforce: "pre",
    resolveId(source) {
      return /\.client(\.[cm]?[jt]sx?)?$/.test(source) ? EMPTY : null;
    },
    load(id) {
      return id === EMPTY ? "export default undefined;" : null;
    },
  };
}

export default defineConfig({
  plugins: [emptyClientModules()],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // One browser at a time on a 2-core machine keeps timings honest and the run stable.
          fileParallelism: false,
        },
      },
    ],
  },
});
