import { orderableProduct, someProducts } from "./catalogue-data";
import { expect, test } from "./fixtures";
import { hydrated } from "./hydration";
import { simulator } from "./simulator";

test.describe("catalogue", () => {
  test("browse from the root to a sub-category to a product", async ({ page }) => {
    await page.goto("/catalogue");
    await expect(page.getByRole("heading", { name: "Catalogue", level: 1 })).toBeVisible();
    const main = page.locator("main");
    const rootTile = main.locator("ul").first().getByRole("link").first();
    const rootName = (await rootTile.innerText()).trim();
    await rootTile.click();
    await expect(page.getByRole("heading", { level: 1, name: rootName })).toBeVisible();
    await page.getByRole("navigation", { name: "Subcategories" }).getByRole("link").first().click();
    await expect(
      page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: rootName }),
    ).toBeVisible();
    const firstCard = page.getByRole("article").first();
    const productName = (await firstCard.getByRole("heading").innerText()).trim();
    await firstCard.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: productName })).toBeVisible();
    await expect(page.getByRole("heading", { name: "List prices" })).toBeVisible();
  });

  test("a link opens the portal's page in place; with Ctrl held it opens a new tab and this page stays", async ({
    page,
    context,
  }) => {
    await page.goto("/catalogue");
    await hydrated(page);
    // A mark in the window survives only a navigation by the app router, not a new document.
    await page.evaluate(() => Object.assign(window, { portalMark: "kept" }));
    const tile = page.locator("main ul").first().getByRole("link").first();
    const title = (await tile.innerText()).trim();
    const href = await tile.getAttribute("href");

    const opened = context.waitForEvent("page");
    await tile.click({ modifiers: ["Control"] });
    const tab = await opened;
    await expect(tab).toHaveURL((url) => url.pathname === href);
    await tab.close();
    await expect(page).toHaveURL(/\/catalogue$/);

    await tile.click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(href);
    expect(await page.evaluate(() => (window as unknown as { portalMark?: string }).portalMark)).toBe("kept");

    // Back is the browser's own, and lands on the catalogue in the same document.
    await page.goBack();
    await expect(page.getByRole("heading", { name: "Catalogue", level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { portalMark?: string }).portalMark)).toBe("kept");
  });

  test("the category tree is drawn once: a sidebar on a wide screen, a disclosure a phone-wide window opens", async ({
    page,
  }) => {
    await page.goto("/catalogue");
    const tile = page.locator("main ul").first().getByRole("link").first();
    const title = (await tile.innerText()).trim();
    await tile.click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    expect(await page.locator('nav[aria-label="Categories"]').count(), "one tree in the document").toBe(1);
    const tree = page.getByRole("navigation", { name: "Categories", exact: true });
    await expect(tree).toBeVisible();
    await expect(tree.getByRole("heading", { name: "Categories" })).toBeVisible();
    await expect(tree.getByRole("link", { name: title, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Show categories")).toBeHidden();
    // The sidebar is in the accessibility tree as the browser gives it to a screen reader.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
    };
    expect(
      nodes.some((node) => !node.ignored && node.role?.value === "link" && node.name?.value === title),
      `the sidebar's link "${title}" is exposed to assistive technology`,
    ).toBe(true);

    await page.setViewportSize({ width: 360, height: 800 });
    await expect(tree).toBeHidden();
    await page.getByText("Show categories").click();
    await expect(tree.getByRole("link", { name: title, exact: true })).toBeVisible();
  });

  test("category pictures arrive as bitmaps, drawn from the wholesaler's drawings", async ({ page }) => {
    const svgImages: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "image" && response.headers()["content-type"]?.includes("svg")) {
        svgImages.push(response.url());
      }
    });
    await page.goto("/catalogue");
    // The first pictures load at once (the rest when scrolled to): each must be a readable image.
    const pictures = page.locator("main img:not([loading=lazy])");
    await expect(pictures.first()).toBeVisible();
    await expect
      .poll(() =>
        pictures.evaluateAll((images) =>
          images.map((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0),
        ),
      )
      .not.toContain(false);
    const sources = await pictures.evaluateAll((images) =>
      images.map((image) => (image as HTMLImageElement).currentSrc),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((source) => decodeURIComponent(source).includes(".svg.png"))).toBe(true);
    expect(svgImages).toEqual([]);
  });

  test("filters and sort change the list and the URL, and the back button restores them", async ({ page }) => {
    await page.goto("/catalogue");
    await page.locator("main ul").first().getByRole("link").first().click();
    const countText = async () =>
      (
        await page
          .getByRole("status")
          .filter({ hasText: /product/ })
          .first()
          .innerText()
      ).trim();
    const before = await countText();
    await page.getByRole("checkbox", { name: "In stock only" }).check();
    await expect(page).toHaveURL(/instock=1/);
    await expect(page.getByText("Out of stock", { exact: true })).toHaveCount(0);
    await page.getByLabel("Sort by").selectOption("price-asc");
    await expect(page).toHaveURL(/sort=price-asc/);
    await expect(page).toHaveURL(/instock=1/);
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=price-asc/);
    await page.goBack();
    await expect(page).not.toHaveURL(/instock=1/);
    await expect.poll(countText).toBe(before);
  });

  test("search by word, SKU prefix, misspelling and barcode", async ({ page }) => {
    const product = await orderableProduct(
      (item) => Boolean(item.barcode?.value) && /[a-z]{6,}/i.test(item.title ?? ""),
    );
    const word = (product.title ?? "").match(/[A-Za-zÀ-ž]{6,}/)?.[0] ?? "";
    const search = page.getByRole("combobox", { name: "Search the catalogue" });

    await page.goto("/");
    await search.fill(word);
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(word)}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(word);
    await expect(page.getByRole("article").first()).toBeVisible();

    await search.fill(product.sku.slice(0, 5));
    await search.press("Enter");
    await expect(page.getByRole("article").first()).toContainText(product.sku.slice(0, 5));

    const misspelt = word.slice(0, 3) + word.slice(4);
    await search.fill(misspelt);
    await search.press("Enter");
    await expect(page.getByText(`No exact matches for “${misspelt}”. Showing results for`)).toBeVisible();
    await expect(page.getByRole("article").first()).toBeVisible();

    await search.fill(product.barcode!.value);
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/products/${product.sku}$`));
  });

  test("suggestions appear while typing and open a product by keyboard", async ({ page }) => {
    const product = await orderableProduct();
    await page.goto("/");
    const search = page.getByRole("combobox", { name: "Search the catalogue" });
    await search.fill(product.sku);
    await expect(page.getByRole("option").first()).toContainText(product.sku);
    await search.press("ArrowDown");
    await search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/products/${product.sku}$`));
  });

  test("nothing found says so", async ({ page }) => {
    await page.goto("/search?q=qqqxxqqq");
    await expect(page.getByText("Nothing found for “qqqxxqqq”.")).toBeVisible();
  });

  test("an unknown SKU is a not-found page", async ({ page }) => {
    const response = await page.goto("/products/NOPE-0000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Product not found" })).toBeVisible();
  });

  test("a blocked product cannot be added", async ({ page }) => {
    const product = (await someProducts()).filter((item) => item.title && !item.blocked).at(-1)!;
    await simulator.control("POST", `products/${product.sku}`, { blocked: true });
    await expect
      .poll(
        async () => {
          await page.goto(`/products/${product.sku}`);
          return page.getByText("This product is blocked and cannot be ordered.").first().isVisible();
        },
        { timeout: 40_000, intervals: [2_000] },
      )
      .toBe(true);
    await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  });

  test("the VAT switch says its state and shows it: the list prices follow, and back", async ({ page }) => {
    await page.goto("/catalogue");
    await page.locator("main ul").first().getByRole("link").first().click();
    const vat = page.getByRole("switch", { name: "Show prices including VAT" });
    // The switch's look follows its aria-checked in CSS: the track is white when off, the brand colour when on.
    const track = vat.locator("span").first();
    const trackColour = () => track.evaluate((element) => getComputedStyle(element).backgroundColor);
    await expect(vat).toHaveAttribute("aria-checked", "false");
    await expect(page.locator("main")).toContainText("excl. VAT");
    const off = await trackColour();
    expect(off).toBe("rgb(255, 255, 255)");

    await vat.click();
    await expect(vat).toHaveAttribute("aria-checked", "true");
    await expect(page.locator("main")).toContainText("incl. VAT");
    await expect(page.locator("main")).not.toContainText("excl. VAT");
    await expect.poll(trackColour).not.toBe(off);

    await vat.click();
    await expect(vat).toHaveAttribute("aria-checked", "false");
    await expect(page.locator("main")).toContainText("excl. VAT");
    await expect.poll(trackColour).toBe(off);
  });

  test("the stock badge changes after the simulator flips a colour and the sync runs", async ({ page }) => {
    test.setTimeout(100_000);
    const product = await orderableProduct();
    const badge = async () => {
      await page.reload();
      return page.locator("main [data-stock]").first().innerText();
    };
    await page.goto(`/products/${product.sku}`);
    // The simulator's own clock flips a few colours now and then: the test sets the colour it starts from.
    await simulator.control("POST", "stock", { sku: product.sku, colour: "green" });
    await expect.poll(badge, { timeout: 40_000, intervals: [2_000] }).toContain("In stock");
    await simulator.control("POST", "stock", { sku: product.sku, colour: "red" });
    await expect.poll(badge, { timeout: 40_000, intervals: [2_000] }).toContain("Out of stock");
    await simulator.control("POST", "stock", { sku: product.sku, colour: "green" });
  });
});
