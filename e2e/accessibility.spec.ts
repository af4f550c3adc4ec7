import AxeBuilder from "@axe-core/playwright";

import { AXE_PASSES, axeOn, seriousViolations, startPass } from "./axe";
import { orderableProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { simulator } from "./simulator";

/** The catalogue address of a product's first category. */
function categoryPathOf(product: Awaited<ReturnType<typeof orderableProduct>>): string {
  return Object.values(product["categories-b2b"])[0]?.[0]?.path_new.split(",").join("/") ?? "";
}

/** axe on every page of the address map: each in both languages and at both widths (e2e/axe.ts). */
async function pages(): Promise<string[]> {
  const product = await orderableProduct();
  const category = categoryPathOf(product);
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

for (const pass of AXE_PASSES) {
  test(`no serious or critical axe violations, and headings that go down one level at a time (${pass.locale}, ${pass.width} px)`, async ({
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    await startPass(context, page, pass);
    const problems: string[] = [];
    for (const path of await pages()) {
      await page.goto(path);
      await page.waitForLoadState("load");
      problems.push(...(await seriousViolations(page, pass, path)));
      // A screen reader's outline of the page has no gaps (axe's heading-order, a best practice).
      const headings = await new AxeBuilder({ page }).withRules(["heading-order"]).setLegacyMode(true).analyze();
      for (const violation of headings.violations)
        for (const node of violation.nodes) problems.push(`${path}: heading-order ${node.target.join(" ")}`);
    }
    expect(problems).toEqual([]);
  });
}

for (const pass of AXE_PASSES) {
  test(`a category page's buttons named apart from their words start their name with them, so voice control finds them (${pass.locale})`, async ({
    page,
    context,
  }) => {
    await startPass(context, page, pass);
    const product = await orderableProduct();
    const category = categoryPathOf(product);
    await page.goto(`/catalogue/${category}`);
    const buttons = await page
      .getByRole("main")
      .locator("button[aria-label]")
      .evaluateAll((elements) =>
        elements.map((element) => ({
          words: (element as HTMLElement).innerText.trim(),
          name: element.getAttribute("aria-label") ?? "",
        })),
      );
    const worded = buttons.filter(({ words }) => /\p{L}/u.test(words));
    expect(worded.length).toBeGreaterThan(0);
    expect(worded.filter(({ words, name }) => !name.toLowerCase().startsWith(words.toLowerCase()))).toEqual([]);
  });
}

for (const pass of AXE_PASSES) {
  test(`the language buttons are named by the letters they show, then the language (${pass.locale})`, async ({
    page,
    context,
  }) => {
    await startPass(context, page, pass);
    await page.goto("/catalogue");
    await page.locator("summary").filter({ hasText: "Account" }).click();
    const languages = page
      .getByTestId("account-menu-panel")
      .getByRole("group", { name: pass.locale === "nl" ? "Taal" : "Language" });
    await expect(languages.getByRole("button", { name: "EN English", exact: true })).toHaveText(/^EN\b/);
    await expect(languages.getByRole("button", { name: "NL Nederlands", exact: true })).toHaveText(/^NL\b/);
  });
}

test("the sign-in page has no serious or critical axe violations", async ({ browser }) => {
  for (const locale of ["en-GB", "nl-NL"]) {
    const context = await browser.newContext({ locale, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    const result = await axeOn(page).analyze();
    expect(
      result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical"),
    ).toEqual([]);
    await context.close();
  }
});
