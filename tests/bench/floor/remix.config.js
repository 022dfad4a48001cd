/**
 * The "floor" for the map's usability budget (issue 12): a minimal Remix app with only the root layout,
 * the shapes as loader data and the ClientOnly react-leaflet map. Built by the bench into
 * tests/bench/floor/build (git-ignored), never part of the product's build.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  appDirectory: "app",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: "build/index.js",
  assetsBuildDirectory: "build/public/build",
  publicPath: "/build/",
  serverDependenciesToBundle: [/^remix-utils.*/, /^react-leaflet/, /^@react-leaflet\/.*/],
  browserNodeBuiltinsPolyfill: { modules: {} },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
