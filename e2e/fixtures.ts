import { test as base, expect } from "@playwright/test";

import { simulator } from "./simulator";

/**
 * Every test records each response body and cookie the browser receives, and
 * fails if any upstream token (a user's or the service's) appears in them.
 */
export const test = base.extend<{ tokenScan: void }>({
  tokenScan: [
    async ({ context }, use) => {
      const seen: { url: string; text: string }[] = [];
      const pending: Promise<void>[] = [];
      context.on("response", (response) => {
        pending.push(
          (async () => {
            const type = response.headers()["content-type"] ?? "";
            if (/image|font|octet-stream|video|audio/.test(type)) return;
            const headers = JSON.stringify(await response.allHeaders().catch(() => ({})));
            const body = await response.text().catch(() => "");
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
