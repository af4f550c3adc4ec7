import { existsSync } from "node:fs";

/** Debian's Chromium: the browser of Lighthouse (`npm test` installs it as root). */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's build of Chromium's headless shell (package chromium-headless-shell): the same engine
 * without the browser's window and its parts, as Playwright runs its own Chromium when headless.
 * The end-to-end suite measured at about half the browser's CPU of the full Chromium in headless
 * mode (the same 36 tests: 105 s against 222 s, 3.6 against 4.6 min), on two cores where the
 * browsers used half of all CPU. `npm test` installs it beside Chromium as root.
 */
export const DEBIAN_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

/** The browser the end-to-end and cluster tests drive: the headless shell, else Chromium, else none (Playwright's own). */
export function testBrowser() {
  return [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM].find((path) => existsSync(path));
}

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
