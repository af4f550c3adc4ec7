/**
 * The bench's reference app (bench/lighthouse.ts): an empty Next.js app router page, built and measured
 * beside the portal to show what the framework alone scores on the host. Its own Turbopack root, so that
 * the build does not take up the portal's proxy and instrumentation from the project's root; the bench
 * gives it a node_modules of hard links to the project's. `/opener-policy` is the same page with the
 * portal's Cross-Origin-Opener-Policy; `/` sends no security headers.
 */
export default {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  turbopack: { root: import.meta.dirname },
  async headers() {
    return [{ source: "/opener-policy", headers: [{ key: "Cross-Origin-Opener-Policy", value: "same-origin" }] }];
  },
};
