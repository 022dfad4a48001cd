/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch's types for useLoaderData/useActionData (data(), Date, Map...), matching remix.config.js.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
