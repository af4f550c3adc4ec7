import type { Page } from "@playwright/test";

/** Waits until React has taken over the page's main element (hydration attaches its fiber to the node). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return Boolean(main && Object.keys(main).some((key) => key.startsWith("__reactFiber")));
  });
}
