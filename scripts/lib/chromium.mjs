/** Debian's Chromium: the browser of the end-to-end tests and of Lighthouse (`npm test` installs it as root). */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Flags of a Chromium run by the tests and benchmarks, as root in a container: no sandbox, no GPU,
 * no QUIC, and none of the browser's own background traffic.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
