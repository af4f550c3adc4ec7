import { someProducts } from "./catalogue-data";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

/**
 * A product's downloads say what each file is in words, not the upstream's code ("document"), and two
 * files of one kind are numbered, so that no two links read alike (a screen reader's list of links).
 * English and Dutch use the same two words here; other kinds are checked in lib/i18n/catalogues.test.ts.
 */

for (const locale of ["en", "nl"] as const) {
  test(`a product's downloads are named and numbered (${locale})`, async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E.portalUrl }]);
    const product = (await someProducts()).find(
      (item) => item.files.length >= 2 && item.files.every((file) => file.type === "document"),
    );
    expect(product, "a product with two documents").toBeTruthy();
    await page.goto(`/products/${encodeURIComponent(product!.sku)}`);
    const downloads = page.getByRole("region", { name: "Downloads" }).getByRole("link");
    await expect(downloads).toHaveCount(product!.files.length);
    for (const [index, file] of product!.files.entries()) {
      const link = downloads.nth(index);
      await expect(link).toHaveText(
        new RegExp(`^Document ${index + 1} \\(${file.ext.toUpperCase()}, \\d+([.,]\\d)? [kM]B\\)$`),
      );
      await expect(link).toHaveAttribute("href", new RegExp(file.hash));
    }
    const names = await downloads.allInnerTexts();
    expect(new Set(names).size).toBe(names.length);
  });
}
