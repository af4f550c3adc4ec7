import { orderableProducts } from "./catalogue-data";
import { expect, test } from "./fixtures";

/**
 * The favourite star with JavaScript off (the "nojs" project): a native post to the server action,
 * answered with a redirect to the page it is on (303, a reload posts nothing again), which shows the
 * star pressed; /favourites lists the product and its star takes it off again.
 */
test.describe("favourites without JavaScript", () => {
  test("star a product on a search card, see it on /favourites, take it off there", async ({ page }) => {
    test.setTimeout(120_000);
    // Apart from the favourites spec's products (the catalogue's last ones).
    const product = (await orderableProducts(40)).filter((item) => item.title)[7]!;
    const posts: string[] = [];
    page.on("response", (response) => {
      if (response.request().method() !== "POST") return;
      const location = response.headers()["location"];
      posts.push(`${response.status()} ${location ? new URL(location, response.url()).pathname : "-"}`);
    });

    const searchPath = `/search?q=${encodeURIComponent(product.sku)}`;
    await page.goto(searchPath);
    const card = page.getByRole("article").filter({ hasText: product.sku }).first();
    const star = card.getByRole("button", { name: /^Add to favourites:/ });
    await expect(star).toBeVisible();
    await star.click();
    // Back on the same search page, the star now named for what it does next.
    await expect(card.getByRole("button", { name: /^Remove from favourites:/ })).toBeVisible();
    expect(posts).toEqual(["303 /search"]);
    expect(page.url()).toContain(searchPath);

    await page.goto("/favourites");
    const row = page.getByRole("article").filter({ hasText: product.sku });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: /^Remove from favourites/ }).click();
    expect(posts.at(-1)).toBe("303 /favourites");
    await expect(page.getByRole("article").filter({ hasText: product.sku })).toHaveCount(0);
    // Nothing of the forms went into an address.
    expect(page.url()).not.toMatch(/sku=|favourite=/);
  });
});
