import { test as base, expect } from "@playwright/test";

import { simulator } from "./simulator";

/** A body that never finishes (an aborted or streaming request) must not hold the test up. */
function within<T>(promise: Promise<T>, fallback: T, ms = 3_000): Promise<T> {
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms)),
  ]);
}

/**
 * Every test records each response body and cookie the browser receives, and
 * fails if any upstream token (a user's or the service's) appears in them.
 */
export const test = base.extend<{ tokenScan: void; messagesFound: void }>({
  /**
   * Every test fails if the browser could not find a message it was asked to show: the browser gets
   * only the messages of the page's feature (lib/i18n/client-messages.ts), and next-intl says so in
   * the console when one is missing (and shows its key).
   */
  messagesFound: [
    async ({ context }, use) => {
      const missing: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error" && /MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text())) {
          missing.push(`${message.location().url}: ${message.text().split("\n")[0]}`);
        }
      });
      await use();
      expect(missing, "messages the browser did not have").toEqual([]);
    },
    { auto: true },
  ],
  tokenScan: [
    async ({ context }, use) => {
      const seen: { url: string; text: string }[] = [];
      const pending: Promise<void>[] = [];
      context.on("response", (response) => {
        pending.push(
          (async () => {
            const type = response.headers()["content-type"] ?? "";
            if (/image|font|octet-stream|video|audio/.test(type)) return;
            const headers = JSON.stringify(await within(response.allHeaders(), {}));
            const body = await within(response.text(), "");
            seen.push({ url: response.url(), text: `${headers}\n${body}` });
          })(),
        );
      });
      await use();
      await Promise.all(pending);
      const cookies = await context.cookies();
      for (const cookie of cookies) seen.push({ url: `cookie ${cookie.name}`, text: cookie.value });
      const tokens = await simulator.issuedTokens();
      for (const token of tokens) {
        const leak = seen.find((entry) => entry.text.includes(token));
        expect(leak?.url, `an upstream token reached the browser in ${leak?.url}`).toBeUndefined();
      }
    },
    { auto: true },
  ],
});

export { expect };
