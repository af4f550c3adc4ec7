import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    // The message files are compiled at build time: pages format messages without parsing ICU in the browser,
    // and a message with only simple arguments ({title}) never starts the browser's Intl machinery.
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

/** Headers of every response; the Content-Security-Policy with its nonce is set per request in proxy.ts. */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const permissionsPolicy = (camera) =>
  `camera=${camera}, microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build beside the first (an end-to-end run next to another); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // One build shipped to every instance: <distDir>/standalone runs with `node server.js` (scripts/build.mjs
  // completes it with the static files, the migrations and the sync worker).
  output: "standalone",
  outputFileTracingRoot: import.meta.dirname,
  reactStrictMode: true,
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  // proxy.ts sees the request's URL as the server received it, on the origin Next's router compares rewrites
  // with. Without it the proxy's URL says localhost while the router says HOSTNAME (127.0.0.1, 0.0.0.0), and
  // the rewrite of an unreadable address to the not-found page went out as an HTTP request to this server.
  skipProxyUrlNormalize: true,
  images: {
    localPatterns: [{ pathname: "/media/**" }],
    formats: ["image/avif", "image/webp"],
    minimumCacheTTL: 86400,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...securityHeaders, { key: "Permissions-Policy", value: permissionsPolicy("()") }],
      },
      { source: "/scan", headers: [{ key: "Permissions-Policy", value: permissionsPolicy("(self)") }] },
    ];
  },
};

export default withNextIntl(nextConfig);
