import type { Page } from "@playwright/test";

/** Waits until React has taken over the page's main element (hydration attaches its fiber to the node). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return Boolean(main && Object.keys(main).some((key) => key.startsWith("__reactFiber")));
  });
}

const SCRIPTS = "**/_next/static/chunks/**";

/**
 * Once the page has woken up and gone quiet, its connection drops for scripts: every script it asks
 * for later (code loaded when first needed) fails. Returns the scripts asked for meanwhile, and
 * `restore`, after which they arrive again. The page's service worker would answer script requests
 * itself: use it with `test.use({ serviceWorkers: "block" })`.
 */
export async function dropScriptsAfterHydration(
  page: Page,
): Promise<{ asked: string[]; restore: () => Promise<void> }> {
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  const asked: string[] = [];
  await page.route(SCRIPTS, (route) => {
    asked.push(route.request().url());
    return route.abort();
  });
  return { asked, restore: () => page.unroute(SCRIPTS) };
}
