import type { Page } from "@playwright/test";

import { orderableProduct, type SimProduct } from "./catalogue-data";
import { expect, test } from "./fixtures";

/**
 * A phone on a slow line paints a page before all of it has arrived. What it has painted must stay
 * where it is while the rest comes in: a part placed above one that came before it (CSS order), held to
 * the bottom of a box that is still filling (mt-auto), or sized by rows that come after it (a table's
 * automatic widths) moves what the dealer is already reading. Lighthouse measured a layout shift of
 * 0.118 on a product page for that reason.
 *
 * Checked without a race: each page is loaded cut short at points through its <main> (each at a tag's
 * start), as the browser's parser sees it while it waits for more (no scripts: the nojs project), and
 * everything painted in the main column's flow (its elements without elements inside: text, pictures,
 * controls) must stand where it stands in the whole page, at a phone's 360 px.
 */
test.use({ viewport: { width: 360, height: 740 } });

/** Where each painted element of <main> in the page's flow stands, by its place in the tree. */
const POSITIONS = `(() => {
  const positions = {};
  const walk = (element, path) => {
    const style = getComputedStyle(element);
    if (style.display === "none" || ["absolute", "fixed", "sticky"].includes(style.position)) return;
    const box = element.getBoundingClientRect();
    // What is painted: text, pictures and controls, the ends of the tree. A box that only grew as its
    // content came in (a list, a row) keeps its content where it was.
    if (element.children.length === 0 && box.width > 0 && box.height > 0) positions[path] = {
      top: Math.round(box.top + scrollY),
      left: Math.round(box.left),
      what: element.tagName.toLowerCase() + ' "' + (element.textContent || "").trim().slice(0, 40) + '"',
    };
    [...element.children].forEach((child, index) => walk(child, path + "/" + index));
  };
  const main = document.querySelector("main");
  if (main) walk(main, "main");
  return positions;
})()`;

type Positions = Record<string, { top: number; left: number; what: string }>;

/**
 * What moved between the page cut short at points through <main> and the whole page: at 16 points spread
 * over it, and with `everyTagOf` (a start tag such as "<article") at every tag of the first such element
 * too, so that a card's own parts are checked at each point one of them may still be on its way.
 */
async function movedWhileArriving(
  page: Page,
  path: string,
  { cuts = 16, everyTagOf }: { cuts?: number; everyTagOf?: string } = {},
): Promise<string[]> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const start = html.indexOf("<main");
  const end = html.indexOf("</main>");
  expect(start, `${path} has a <main>`).toBeGreaterThan(0);
  let served = html;
  const url = response.url();
  const isPage = (address: URL) => address.href === url;
  await page.route(isPage, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: served }),
  );
  await page.goto(url);
  const whole = (await page.evaluate(POSITIONS)) as Positions;
  expect(Object.keys(whole).length, `${path}: the whole page's painted elements`).toBeGreaterThan(10);
  const moved = new Map<string, string>();
  // At a tag's start: the parser, waiting for more, holds a tag or an entity it has only begun, where a
  // document that ends there would show its beginning ("</") as text.
  const ends = Array.from({ length: cuts - 1 }, (_, index) =>
    html.lastIndexOf("<", start + Math.round(((end - start) * (index + 1)) / cuts)),
  );
  if (everyTagOf) {
    const first = html.indexOf(everyTagOf, start);
    const close = html.indexOf(`</${everyTagOf.slice(1)}>`, first);
    expect(first, `${path} has ${everyTagOf}>`).toBeGreaterThan(start);
    for (let at = html.indexOf("<", first + 1); at > 0 && at <= close; at = html.indexOf("<", at + 1)) ends.push(at);
  }
  for (const cut of ends) {
    served = html.slice(0, cut);
    await page.goto(url);
    const part = (await page.evaluate(POSITIONS)) as Positions;
    for (const [key, shown] of Object.entries(part)) {
      const final = whole[key];
      if (!final || moved.has(key)) continue;
      if (Math.abs(final.top - shown.top) > 1 || Math.abs(final.left - shown.left) > 1) {
        moved.set(key, `${shown.what} at (${shown.left}, ${shown.top}), then (${final.left}, ${final.top})`);
      }
    }
  }
  await page.unroute(isPage);
  return [...moved.values()];
}

const categoryPathOf = (product: SimProduct) =>
  `/catalogue/${Object.values(product["categories-b2b"])[0]![0]!.path_new.split(",").map(encodeURIComponent).join("/")}`;

test.describe("pages arriving on a phone", () => {
  test("a product page with pictures and list prices keeps what it has shown in place", async ({ page }) => {
    const product = await orderableProduct((each) => each.media.length >= 2 && each.prices.length >= 1);
    expect(await movedWhileArriving(page, `/products/${encodeURIComponent(product.sku)}`)).toEqual([]);
  });

  test("a category's product cards keep what they have shown in place", async ({ page }) => {
    const product = await orderableProduct((each) => Object.values(each["categories-b2b"]).flat().length > 0);
    expect(await movedWhileArriving(page, categoryPathOf(product), { everyTagOf: "<article" })).toEqual([]);
  });

  test("search results keep what they have shown in place", async ({ page }) => {
    const product = await orderableProduct();
    const word = product.title!.split(/\s+/).find((each) => /^[a-z]{4,}$/i.test(each)) ?? product.sku;
    expect(await movedWhileArriving(page, `/search?q=${encodeURIComponent(word)}`, { everyTagOf: "<article" })).toEqual(
      [],
    );
  });

  test("the orders list's cards keep what they have shown in place", async ({ page }) => {
    expect(await movedWhileArriving(page, "/orders")).toEqual([]);
  });

  test("quick order's rows keep what they have shown in place", async ({ page }) => {
    expect(await movedWhileArriving(page, "/quick-order")).toEqual([]);
  });
});
