/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: "build/index.js",
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  // Server-only packages that must not be bundled (native addons, large CJS libs).
  serverDependenciesToBundle: [/^remix-utils.*/, /^react-leaflet/, /^@react-leaflet\/.*/],
  browserNodeBuiltinsPolyfill: { modules: {} },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: the app has few routes, and discovery would fetch a manifest for every link in the 290-row table.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
