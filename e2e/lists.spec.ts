import { readFileSync } from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { orderableProduct, someProducts, type SimProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/**
 * The customer's named lists (issue 22): a list from an order, a CSV imported into it with an
 * unknown and a blocked SKU, the list into the cart with both reported, the CSV export; the same
 * list seen and edited by staff acting for the customer; another dealer gets 404 on its id in the
 * page, the export and the actions; axe on both pages. In English at 1280 px and Dutch at 360 px.
 */

const WORDS = {
  en: {
    saveAsList: "Save as list",
    newListName: "Name of the new list",
    csvFile: "CSV file",
    importButton: "Import",
    imported: /2 lines read: 2 new lines/,
    unknownKept: "Unknown SKU: kept on the list",
    blockedKept: "Blocked: kept on the list",
    notInCatalogue: "Not in the catalogue",
    blockedLine: "Blocked: cannot be ordered",
    addAll: "Add whole list to cart",
    unknownReport: "Unknown SKU",
    blockedReport: "Blocked: cannot be ordered",
    addedToCart: /lines? (was|were) added to the cart/,
    exportCsv: "Export as CSV",
    csvHeader: "SKU;Quantity;Title",
    listPrice: "List price",
  },
  nl: {
    saveAsList: "Bewaren als lijst",
    newListName: "Naam van de nieuwe lijst",
    csvFile: "CSV-bestand",
    importButton: "Importeren",
    imported: /2 regels gelezen: 2 nieuwe regels/,
    unknownKept: "Onbekend artikelnummer: op de lijst bewaard",
    blockedKept: "Geblokkeerd: op de lijst bewaard",
    notInCatalogue: "Niet in de catalogus",
    blockedLine: "Geblokkeerd: kan niet worden besteld",
    addAll: "Hele lijst in winkelwagen",
    unknownReport: "Onbekend artikelnummer",
    blockedReport: "Geblokkeerd: kan niet worden besteld",
    addedToCart: /(regel is|regels zijn) aan de winkelwagen toegevoegd/,
    exportCsv: "Exporteren als CSV",
    csvHeader: "Artikelnummer;Aantal;Omschrijving",
    listPrice: "Brutoprijs",
  },
} as const;

const LIST_URL = /\/lists\/[0-9a-f-]{36}$/;

async function setLocale(page: Page, locale: "en" | "nl") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
}

/** An order of the dealer's customer with lines, as the simulator holds it. */
async function dealersOrder(): Promise<{ id: number }> {
  const orders = (await simulator.orders()) as { id: number; customer_code: string; products: unknown[] }[];
  const order = orders.find((item) => item.customer_code === DEMO.dealer.code && item.products.length > 0);
  if (!order) throw new Error("the simulator has no order of the dealer with lines");
  return order;
}

/** A product the mirror knows as blocked: one of the simulator's, or one blocked here and synced. */
async function blockedProduct(page: Page): Promise<SimProduct> {
  const found = (await someProducts(400)).find((product) => product.blocked && product.title);
  if (found) return found;
  const product = (await someProducts()).filter((item) => item.title && !item.blocked).at(-2)!;
  await simulator.control("POST", `products/${product.sku}`, { blocked: true });
  await expect
    .poll(
      async () => {
        await page.goto(`/products/${product.sku}`);
        return page.getByText("This product is blocked and cannot be ordered.").first().isVisible();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);
  return product;
}

/** The server actions of the build by exported name, for posts a form of this portal would make. */
function listActionIds(): Record<string, string> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.node)
      .filter(([, entry]) => entry.filename?.includes("lib/lists/actions"))
      .map(([id, entry]) => [entry.exportedName ?? "?", id]),
  );
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const { locale, width } of [
  { locale: "en", width: 1280 },
  { locale: "nl", width: 360 },
] as const) {
  test(`a list from an order, a CSV import with an unknown and a blocked SKU, into the cart and out as CSV (${locale}, ${width} px)`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const w = WORDS[locale];
    const blocked = await blockedProduct(page);
    await setLocale(page, locale);
    await page.setViewportSize({ width, height: 900 });
    const order = await dealersOrder();
    const name = `Boat show ${locale} ${Date.now()}`;

    // Save the order as a list: the new list opens.
    await page.goto(`/orders/${order.id}`);
    await page.locator("summary").filter({ hasText: w.saveAsList }).click();
    await page.getByLabel(w.newListName).fill(name);
    await page.locator("form").getByRole("button", { name: w.saveAsList }).click();
    await expect(page).toHaveURL(LIST_URL);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const fromOrder = await page
      .getByRole("listitem")
      .filter({ has: page.getByRole("checkbox") })
      .count();
    expect(fromOrder).toBeGreaterThan(0);
    await expect(page.getByText(w.listPrice).first()).toBeVisible();
    await noSidewaysScroll(page);

    // Import a CSV with an unknown SKU and a blocked one: both kept, and said so.
    const unknown = `NOPE-${Date.now().toString(36).toUpperCase()}`;
    await page.getByLabel(w.csvFile).setInputFiles({
      name: "restock.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`sku;quantity\r\n${unknown};2\r\n${blocked.sku};1\r\n`),
    });
    await page.getByRole("button", { name: w.importButton, exact: true }).click();
    await expect(page.getByText(w.imported)).toBeVisible();
    await expect(page.getByText(w.unknownKept)).toBeVisible();
    await expect(page.getByText(w.blockedKept)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("checkbox") })).toHaveCount(fromOrder + 2);
    await expect(page.getByRole("listitem").filter({ hasText: unknown })).toContainText(w.notInCatalogue);
    await expect(page.getByRole("listitem").filter({ hasText: blocked.sku })).toContainText(w.blockedLine);

    // The whole list into the cart: the unknown and the blocked line are reported, the rest added.
    await page.getByRole("button", { name: w.addAll }).click();
    await expect(page.getByText(w.addedToCart)).toBeVisible();
    const report = page.getByRole("table");
    await expect(report.locator('tr[data-outcome="unknown"]')).toContainText(unknown);
    await expect(report.locator('tr[data-outcome="unknown"]')).toContainText(w.unknownReport);
    await expect(report.locator('tr[data-outcome="blocked"]')).toContainText(blocked.sku);
    await expect(report.locator('tr[data-outcome="blocked"]')).toContainText(w.blockedReport);
    await noSidewaysScroll(page);

    // Export: the CSV holds every line, in the import's own format.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: w.exportCsv }).click();
    const csv = readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe(w.csvHeader);
    expect(rows).toHaveLength(fromOrder + 3);
    expect(rows).toContain(`${unknown};2;`);
    expect(rows.some((row) => row.startsWith(`${blocked.sku};1;`))).toBe(true);
  });
}

test("staff acting for the customer see and edit the dealer's list; another dealer gets 404 on its id", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const product = await orderableProduct((item) => item.sales_unit_amount === 1);
  const name = `Monthly restock ${Date.now()}`;

  // The dealer makes a list and adds a product to it from the product page.
  await page.goto("/lists");
  await page.getByLabel("Name of the new list").fill(name);
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page).toHaveURL(LIST_URL);
  const listPath = new URL(page.url()).pathname;
  await page.goto(`/products/${product.sku}`);
  const addTo = page.locator("details").filter({ has: page.locator("summary", { hasText: "Add to a list" }) });
  await addTo.locator("summary").click();
  await addTo.getByLabel("List", { exact: true }).selectOption({ label: name });
  await addTo.getByLabel("Quantity").fill("2");
  await addTo.getByRole("button", { name: "Add to list" }).click();
  await expect(addTo.getByText(`Added to the list “${name}”.`)).toBeVisible();

  // Staff acting for the dealer's customer see the list and change a quantity.
  const staff = await browser.newContext({ storageState: E2E.adminState });
  const staffPage = await staff.newPage();
  await staffPage.goto("/");
  expect((await staffPage.request.post("/api/session/customer", { data: { code: DEMO.dealer.code } })).status()).toBe(
    200,
  );
  await staffPage.goto("/lists");
  await staffPage.getByRole("link", { name }).click();
  await expect(staffPage.getByRole("heading", { level: 1, name })).toBeVisible();
  const title = product.title!;
  await expect(staffPage.getByLabel(`Quantity of ${title}`, { exact: true })).toHaveValue("2");
  await staffPage.getByLabel(`Quantity of ${title}`, { exact: true }).fill("5");
  await staffPage.getByRole("button", { name: `Save quantity of ${title}` }).click();
  await expect(staffPage.getByText("Quantity saved.")).toBeVisible();
  await staffPage.request.post("/api/session/customer", { data: { code: null } });
  await staff.close();

  await page.goto(listPath);
  await expect(page.getByLabel(`Quantity of ${title}`, { exact: true })).toHaveValue("5");

  // Another dealer: the page and the export are not found, its actions change nothing.
  const other = await browser.newContext({ storageState: E2E.limitedState });
  const otherPage = await other.newPage();
  const response = await otherPage.goto(listPath);
  expect(response?.status()).toBe(404);
  expect(await otherPage.content()).not.toContain(name);
  const exported = await otherPage.request.get(`${listPath}/export`);
  expect(exported.status()).toBe(404);
  expect(await exported.text()).not.toContain(product.sku);
  await otherPage.goto("/lists");
  await expect(otherPage.getByRole("link", { name })).toHaveCount(0);

  const ids = listActionIds();
  const id = listPath.split("/").at(-1)!;
  const forged: Record<string, Record<string, string>> = {
    renameListAction: { id, name: "Taken over" },
    editListLineAction: { id, sku: product.sku, intent: "remove" },
    importListAction: { id, text: `${product.sku};7` },
    addListToCartAction: { id, scope: "all" },
    deleteListAction: { id },
  };
  for (const [action, fields] of Object.entries(forged)) {
    expect(ids[action], action).toBeTruthy();
    // As the form posts without JavaScript: multipart, the action named by its field.
    const answer = await otherPage.request.post(listPath, {
      multipart: { [`$ACTION_ID_${ids[action]}`]: "", ...fields },
      maxRedirects: 0,
    });
    expect(answer.status(), action).toBeLessThan(500);
    expect(await answer.text(), action).not.toContain(name);
  }
  await other.close();

  await page.goto(listPath);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByLabel(`Quantity of ${title}`, { exact: true })).toHaveValue("5");
});

test("axe finds nothing serious or critical on /lists and a list's page (en, nl; 1280 and 360 px)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const product = await orderableProduct();
  await page.goto("/lists");
  await page.getByLabel("Name of the new list").fill(`Axe ${Date.now()}`);
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page).toHaveURL(LIST_URL);
  const listPath = new URL(page.url()).pathname;
  await page.getByLabel("Lines to import").fill(`${product.sku};1\nNOPE-AXE;1`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/lines read/)).toBeVisible();

  const problems: string[] = [];
  for (const locale of ["en", "nl"] as const) {
    await setLocale(page, locale);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const target of ["/lists", listPath]) {
        await page.goto(target);
        await page.waitForLoadState("load");
        const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const violation of result.violations) {
          if (violation.impact === "serious" || violation.impact === "critical") {
            problems.push(`${locale} ${width} ${target}: ${violation.id} ${violation.nodes[0]?.target.join(" ")}`);
          }
        }
      }
    }
  }
  expect(problems).toEqual([]);
});
