import AxeBuilder from "@axe-core/playwright";

import { orderableProduct } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/** axe on every page of the address map: each in both languages and at both widths. */
async function pages(): Promise<string[]> {
  const product = await orderableProduct();
  const category = Object.values(product["categories-b2b"])[0]?.[0]?.path_new.split(",").join("/") ?? "";
  const orders = (await simulator.orders()) as { id: number; customer_code: string }[];
  const order = orders.find((item) => item.customer_code === "EA00001");
  return [
    "/",
    "/catalogue",
    `/catalogue/${category}`,
    `/products/${product.sku}`,
    `/search?q=${product.sku.slice(0, 4)}`,
    "/quick-order",
    "/scan",
    "/cart",
    "/checkout",
    "/orders",
    ...(order ? [`/orders/${order.id}`] : []),
  ];
}

/**
 * Two passes, each language at one width: every page is checked in English and Dutch and at phone
 * and desktop width. (All four pairs took 3.9 minutes of CI; a language changes the words, which
 * both passes check, not the page's structure, which the widths change.)
 */
const PASSES = [
  { locale: "en", name: "desktop", width: 1280, height: 900 },
  { locale: "nl", name: "phone", width: 360, height: 780 },
] as const;

for (const pass of PASSES) {
  test(`no serious or critical axe violations (${pass.locale}, ${pass.name})`, async ({ page, context }) => {
    test.setTimeout(300_000);
    await context.addCookies([{ name: "NEXT_LOCALE", value: pass.locale, url: E2E.portalUrl }]);
    await page.setViewportSize({ width: pass.width, height: pass.height });
    const problems: string[] = [];
    for (const path of await pages()) {
      await page.goto(path);
      await page.waitForLoadState("load");
      // The page really is in the pass's language (a page falling back to English would pass in "nl").
      await expect(page.locator("html")).toHaveAttribute("lang", pass.locale);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of result.violations) {
        if (violation.impact === "serious" || violation.impact === "critical") {
          problems.push(
            `${path}: ${violation.id} (${violation.impact}) ${violation.nodes
              .map((node) => node.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
}

test("the sign-in page has no serious or critical axe violations", async ({ browser }) => {
  for (const locale of ["en-GB", "nl-NL"]) {
    const context = await browser.newContext({ locale, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(
      result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical"),
    ).toEqual([]);
    await context.close();
  }
});
