/**
 * The partial-prerendering experiment's app (run.ts): built twice, with Next's Cache Components
 * (`CACHE_COMPONENTS=1`: a prerendered shell, dynamic holes resumed per request) and without (every
 * page that reads the request rendered whole per request, as the portal's pages are).
 */
export default {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  cacheComponents: process.env.CACHE_COMPONENTS === "1",
  turbopack: { root: import.meta.dirname },
};
