import { expect, test as setup } from "@playwright/test";

import { E2E } from "./env";

setup("the first catalogue sync has finished", async ({ request }) => {
  setup.setTimeout(180_000);
  await expect
    .poll(
      async () => {
        const response = await request.get(`${E2E.portalUrl}/api/health?catalogue`);
        return ((await response.json()) as { catalogueReady?: boolean }).catalogueReady;
      },
      { timeout: 170_000, intervals: [1_000] },
    )
    .toBe(true);
});
