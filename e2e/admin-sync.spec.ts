import type { Locator, Page } from "@playwright/test";

import { someProducts } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/**
 * The staff page says why the catalogue sync's last run did not succeed in the reader's language,
 * and keeps the sync's own English words only as a labelled system message. The sync runs every few
 * seconds in this suite; the upstream's product list fails for as long as the test needs a failed run.
 */
test.use({ storageState: E2E.adminState });

/** The value beside a term of the sync's list. */
function valueOf(page: Page, term: RegExp): Locator {
  return page.getByRole("term").filter({ hasText: term }).locator("xpath=following-sibling::dd[1]");
}

function lastRunOf(page: Page): Locator {
  return valueOf(page, /^(Last run|Laatste run)$/);
}

/** Reloads the staff page until the last run says `expected` (the next scheduled run may take a few seconds). */
async function waitForLastRun(page: Page, expected: RegExp): Promise<Locator> {
  const lastRun = lastRunOf(page);
  await expect(async () => {
    await page.goto("/admin");
    await expect(lastRun).toContainText(expected, { timeout: 1_000 });
  }).toPass({ timeout: 40_000, intervals: [1_000] });
  return lastRun;
}

test.afterEach(async () => {
  await simulator.clearFaults();
});

test("a failed sync run says why in words, in English and Dutch, and recovers", async ({ page }) => {
  await simulator.setFaults({ errorRate: 1, paths: "^/products$" });
  const failed = await waitForLastRun(page, /run, failed, started /);
  await expect(failed).toContainText("The wholesaler's system could not be reached or did not answer in time.");
  // The error's own words stay for staff, said to be the system's; no HTML error page, no code.
  await expect(failed.getByText(/^System message: \S/)).toBeVisible();
  await expect(failed).not.toContainText("upstream_unreachable");
  await expect(failed).not.toContainText("<html");

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "nl", url: E2E.portalUrl }]);
  await page.goto("/admin");
  const dutch = lastRunOf(page);
  await expect(dutch).toContainText(/run, mislukt, gestart /);
  await expect(dutch).toContainText("Het systeem van de groothandel was niet bereikbaar of antwoordde niet op tijd.");
  await expect(dutch.getByText(/^Systeemmelding: \S/)).toBeVisible();
  // The time since the last good run grows while the runs fail; said in a unit of the language.
  await expect(valueOf(page, /^Tijd sinds de laatste geslaagde run$/)).toHaveText(
    /^\d+ (seconde|seconden|minuut|minuten)$/,
  );

  // Once the upstream answers again, the next run succeeds and says nothing more.
  await simulator.clearFaults();
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: E2E.portalUrl }]);
  const recovered = await waitForLastRun(page, /run, succeeded, started /);
  await expect(recovered).not.toContainText("could not be reached");
  await expect(recovered).not.toContainText("System message");
  await expect(valueOf(page, /^Time since the last successful run$/)).toHaveText(/^\d+ seconds?$/);
});

test("a product the sync could not read waits in the retry list with its failures and the error, until a run reads it", async ({
  page,
}) => {
  test.setTimeout(150_000);
  // A product far down the list (the other specs use the first ones); the simulator's own changes leave it alone once touched.
  const product = (await someProducts(120)).filter((candidate) => candidate.title).at(-7);
  if (!product) throw new Error("no titled product in the simulator's first products");
  const sku = product.sku;
  const detailPath = `^/products/${sku.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
  await simulator.setFaults({ errorRate: 1, paths: detailPath });
  // A new version of it, which the next run fetches and cannot read.
  await simulator.control("POST", `products/${encodeURIComponent(sku)}`, {});

  const queue = page.getByRole("list", { name: "Next in line for a retry" });
  const entry = queue.getByRole("listitem").filter({ hasText: sku });
  await expect(async () => {
    await page.goto("/admin");
    await expect(entry).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000] });
  // The mirror still holds the product's earlier version: it is named, and its page is a click away.
  await expect(entry.getByRole("link")).toHaveAttribute("href", `/products/${encodeURIComponent(sku)}`);
  await expect(entry.getByRole("link")).not.toHaveText("Not yet in the catalogue");
  await expect(entry).toContainText(/Failed (once|\d+ times); next try (at the next run|after .*\d{4}.*)/);
  // Why, in words (the faults are the upstream's 5xx pages), and the error's own words as the system's.
  await expect(entry).toContainText("The wholesaler's system could not be reached or did not answer in time.");
  await expect(entry.getByText(/^System message: \S/)).toBeVisible();
  await expect(entry).not.toContainText("upstream_unreachable");
  await expect(entry).not.toContainText("<html");
  const waiting = valueOf(page, /^Products waiting for a retry$/);
  await expect(waiting).not.toHaveText("0");

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "nl", url: E2E.portalUrl }]);
  await page.goto("/admin");
  const dutch = page
    .getByRole("list", { name: "Als eerste aan de beurt voor een nieuwe poging" })
    .getByRole("listitem")
    .filter({ hasText: sku });
  await expect(dutch).toContainText("Het systeem van de groothandel was niet bereikbaar of antwoordde niet op tijd.");
  await expect(dutch.getByText(/^Systeemmelding: \S/)).toBeVisible();
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: E2E.portalUrl }]);

  // The upstream answers again: a later run reads the product and the list lets it go.
  await simulator.clearFaults();
  await expect(async () => {
    await page.goto("/admin");
    await expect(queue.getByRole("listitem").filter({ hasText: sku })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
});

test("a failed stock refresh is said beside the time of the last good one, until a refresh succeeds", async ({
  page,
}) => {
  const stock = valueOf(page, /^Stock colours updated$/);
  await simulator.setFaults({ errorRate: 1, paths: "^/stock/" });
  await expect(async () => {
    await page.goto("/admin");
    await expect(stock).toContainText("The last refresh failed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  await expect(stock).toContainText("The wholesaler's system could not be reached or did not answer in time.");
  await expect(stock.getByText(/^System message: \S/)).toBeVisible();
  await expect(stock).not.toContainText("upstream_unreachable");

  await simulator.clearFaults();
  await expect(async () => {
    await page.goto("/admin");
    await expect(stock).not.toContainText("The last refresh failed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
});
