import { someProducts } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { OrderDetailPage } from "./pages/orders-page";
import { simulator } from "./simulator";

/**
 * The upstream sends countries as two-letter codes (a product's origin, an order's delivery address);
 * the pages name them in the reader's language.
 */
const LABELS = {
  en: { origin: "Country of origin", delivery: "Delivery" },
  nl: { origin: "Land van herkomst", delivery: "Levering" },
} as const;

const countryIn = (locale: string, code: string) => new Intl.DisplayNames([locale], { type: "region" }).of(code);

for (const locale of ["en", "nl"] as const) {
  test.describe(`countries are named, not coded (${locale})`, () => {
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
    });

    test("a product's country of origin", async ({ page }) => {
      // One whose origin is not the Netherlands: its code and its names differ in both languages.
      const product = (await someProducts()).find((item) => item.customs?.origin && item.customs.origin !== "NL");
      expect(product, "a product made outside the Netherlands").toBeTruthy();
      const origin = product!.customs!.origin!;
      await page.goto(`/products/${encodeURIComponent(product!.sku)}`);
      const shown = page
        .getByRole("term")
        .filter({ hasText: LABELS[locale].origin })
        .locator("xpath=following-sibling::dd[1]");
      await expect(shown).toHaveText(countryIn(locale, origin)!);
      await expect(shown).not.toHaveText(origin);
    });

    test("an order's delivery address", async ({ page }) => {
      const orders = (await simulator.orders()) as Array<{
        id: number;
        customer_code: string;
        shippingAddress: { country: string } | null;
      }>;
      const order = orders.find(
        (candidate) =>
          candidate.customer_code === DEMO.dealer.code && /^[A-Z]{2}$/.test(candidate.shippingAddress?.country ?? ""),
      );
      expect(order, "an order of the dealer's with a delivery country").toBeTruthy();
      const code = order!.shippingAddress!.country;
      const detail = new OrderDetailPage(page);
      await detail.goto(order!.id);
      const delivery = page.getByRole("region", { name: LABELS[locale].delivery });
      await expect(delivery.getByText(countryIn(locale, code)!, { exact: true })).toBeVisible();
      await expect(delivery.getByText(code, { exact: true })).toHaveCount(0);
    });
  });
}
