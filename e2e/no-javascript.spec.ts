import type { BrowserContext, Locator, Page } from "@playwright/test";

import { orderableProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { CartPage } from "./pages/cart-page";
import { SignInPage } from "./pages/sign-in-page";
import { simulator } from "./simulator";

/**
 * Issue 21, the dealer's journey with JavaScript off (the "nojs" project): sign in, browse, search,
 * quick order by pasting, check out with a double submit (one order at the wholesaler), see the
 * order, order it again. Every change is a native form post answered with a page; every request
 * is recorded, and none carries what was typed (reference, notes, address, pasted lines) in its
 * address: only reads (search, filters) have a query.
 */

interface SimOrder {
  id: number | string;
  reference: string;
  notes: string | null;
  products: { product_sku: string; quantity: number }[];
}

/** Fields that only ever travel in a body. */
const FORM_FIELDS = [
  "reference",
  "notes",
  "attemptId",
  "street",
  "houseNumber",
  "postcode",
  "city",
  "firstName",
  "lastName",
  "phone",
  "lines",
  "identifier",
  "quantity",
  "intent",
  "email",
  "password",
  "token",
];

function recordRequests(context: BrowserContext): URL[] {
  const seen: URL[] = [];
  context.on("request", (request) => seen.push(new URL(request.url())));
  return seen;
}

function expectNothingTypedInAddresses(seen: URL[], typed: string[]) {
  expect(seen.length).toBeGreaterThan(0);
  for (const url of seen) {
    // The search box is a GET read (shareable, in the history): what was searched belongs in its address.
    if (url.pathname === "/search") continue;
    const where = `${url.pathname}${url.search}`;
    for (const name of url.searchParams.keys()) expect(FORM_FIELDS, `${where} has ${name}`).not.toContain(name);
    for (const value of typed)
      expect(decodeURIComponent(url.search), `${where} carries "${value}"`).not.toContain(value);
  }
}

/** The name and value of every hidden field of a form (read from the page, no script needed). */
async function hiddenFields(form: Locator): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const inputs = form.locator('input[type="hidden"]');
  for (let index = 0; index < (await inputs.count()); index++) {
    const input = inputs.nth(index);
    const name = await input.getAttribute("name");
    if (name) fields[name] = (await input.getAttribute("value")) ?? "";
  }
  return fields;
}

async function ordersWithReference(reference: string): Promise<SimOrder[]> {
  return ((await simulator.orders()) as SimOrder[]).filter((order) => order.reference === reference);
}

const reviewForm = (page: Page) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: "Place order" }) });

test.describe("signing in without JavaScript", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the password form posts and the portal opens signed in; nothing typed is in an address", async ({
    page,
    context,
  }) => {
    const seen = recordRequests(context);
    const signIn = new SignInPage(page);
    await signIn.goto("/orders");
    await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    expectNothingTypedInAddresses(seen, [DEMO.dealer.email, DEMO.dealer.password]);
  });

  test("the token form posts: a wrong token is said on the sign-in page, a token of the wholesaler opens the portal", async ({
    page,
    context,
  }) => {
    const seen = recordRequests(context);
    // A token as the wholesaler issues it to the user, as an integration would hold it.
    const token = await simulator.issueToken(DEMO.limited.email, DEMO.limited.password);
    const wrong = `${token.split("|")[0]}|${"0".repeat(40)}`;
    const signIn = new SignInPage(page);

    // The token form sits in a <details>, open again on the page that answers its post.
    const signInWithToken = async (value: string) => {
      const field = page.getByLabel("API token");
      if (!(await field.isVisible())) await page.getByText("Sign in with an API token").click();
      await field.fill(value);
      await page.getByRole("button", { name: "Sign in with token" }).click();
    };

    await signIn.goto("/orders");
    await signInWithToken(wrong);
    await expect(page).toHaveURL(/\/sign-in\?from=%2Forders$/);
    await signIn.expectError("The wholesaler did not accept this token.");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    // What cannot be a token at all is said at the field.
    await signInWithToken("short");
    await expect(page.getByText("Paste the whole token.")).toBeVisible();

    await signInWithToken(token);
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.limited.name}` })).toBeVisible();
    expectNothingTypedInAddresses(seen, [token, wrong, "short"]);
  });
});

test.describe("a dealer without JavaScript", () => {
  test("browse, search, quick order by pasting, check out with a double submit, see the order and order it again", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const seen = recordRequests(context);
    const [first, second] = [
      await orderableProduct((product) => product.dropshipment.dropshipable && product.sales_unit_amount === 1),
      await orderableProduct((product) => product.dropshipment.dropshipable && product.sales_unit_amount > 1),
    ];
    const cart = new CartPage(page);
    await cart.empty();

    // Browse: a category, then a product.
    await page.goto("/catalogue");
    await page.getByRole("main").getByRole("listitem").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/catalogue\/.+/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // Search: a GET form, the one place a word may be in the address.
    // A word of the title finds a page of products; the exact SKU opens the product itself.
    const word = first!.title!.split(/\s+/).find((part) => part.length >= 4) ?? first!.sku;
    const search = page.getByRole("search", { name: "Search the catalogue" });
    await search.getByRole("combobox", { name: "Search the catalogue" }).fill(word);
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("main").locator('a[href^="/products/"]').first()).toBeVisible();

    // Add to a list from a card: without scripts its "Add to a list" is a link to the product page's form, open.
    const listName = `No script ${Date.now()}`;
    await page
      .getByRole("main")
      .getByRole("link", { name: /^Add to a list\s?: / })
      .first()
      .click();
    await expect(page).toHaveURL(/\/products\/[^/?]+\?addTo=list#add-to-list$/);
    const addTo = page.locator("details#add-to-list");
    await expect(addTo).toHaveAttribute("open", "");
    await addTo.getByLabel("List", { exact: true }).selectOption("new");
    await addTo.getByLabel("Name of the new list").fill(listName);
    await addTo.getByRole("button", { name: "Add to list" }).click();
    await expect(page.getByText(`Added to the list “${listName}”.`)).toBeVisible();
    await search.getByRole("combobox", { name: "Search the catalogue" }).fill(first!.sku);
    await search.getByRole("button", { name: "Search" }).click();
    // An exact SKU opens the product, or lists it first where other products share its digits.
    await page.waitForURL(/\/(products|search)/);
    if (!new URL(page.url()).pathname.startsWith("/products/")) {
      await page.getByRole("main").locator(`a[href="/products/${first!.sku}"]`).first().click();
    }
    await expect(page).toHaveURL(new RegExp(`/products/${first!.sku}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // Quick order by pasting: the post answers with the report, and the lines are in the cart.
    const unknown = `NOJS-UNKNOWN-${Date.now()}`;
    await page.goto("/quick-order");
    await page
      .getByLabel("Lines to check")
      .fill(`${first!.sku}\t1\n${second!.sku}\t${second!.sales_unit_amount + 1}\n${unknown}\t3`);
    await page.getByRole("button", { name: "Check lines" }).last().click();
    await expect(page.getByText("2 lines were added to the cart.")).toBeVisible();
    await expect(page.locator('[data-outcome="unknown"]')).toContainText(unknown);
    await expect(page.locator('[data-outcome="rounded"]')).toContainText(second!.sku);
    await cart.goto();
    await expect(cart.lines()).toHaveCount(2);
    await expect(cart.quantity(second!.sku)).toHaveValue(String(second!.sales_unit_amount * 2));

    // Checkout: a refused form comes back with its messages and everything typed.
    const reference = `NOJS-${Date.now()}`;
    const notes = `Deliver at the back door ${Date.now()}`;
    const street = `Nojsstraat${Date.now() % 1000}`;
    await page.getByRole("link", { name: "Continue to checkout" }).click();
    await expect(page.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
    const attemptId = await page.locator('input[type="hidden"][name="attemptId"]').inputValue();
    await page.getByLabel("Notes for the wholesaler").fill(notes);
    await page.getByRole("radio", { name: "Drop-shipment to my customer" }).check();
    await expect(page.getByLabel("Street")).toBeVisible();
    await page.getByLabel("Street").fill(street);
    await page.getByLabel("Postcode").fill("12");
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
    await expect(page.getByText("This field is required.").first()).toBeVisible();
    await expect(page.getByText("Enter a Dutch postcode like 1234 AB.")).toBeVisible();
    await expect(page.getByLabel("Notes for the wholesaler")).toHaveValue(notes);
    await expect(page.getByLabel("Street")).toHaveValue(street);
    await expect(page.getByRole("radio", { name: "Drop-shipment to my customer" })).toBeChecked();
    expect(await page.locator('input[type="hidden"][name="attemptId"]').inputValue()).toBe(attemptId);

    // Back to the own address, a reference, and the review step.
    await page.getByRole("radio", { name: "To our own address" }).check();
    await page.getByLabel("Your order reference").fill(reference);
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(reference);

    // A double submit: the review form posted twice at once, then "Place order" clicked: one order.
    const form = await hiddenFields(reviewForm(page));
    expect(form.attemptId).toBe(attemptId);
    const post = () =>
      page.request.post(page.url(), {
        multipart: { ...form, intent: "place" },
        headers: { origin: E2E.portalUrl },
        maxRedirects: 0,
      });
    const answers = await Promise.all([post(), post()]);
    for (const answer of answers) {
      expect(answer.status()).toBe(303);
      expect(answer.headers()["location"]).toContain(`/checkout/confirmation/${attemptId}`);
    }
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/checkout/confirmation/${attemptId}$`));
    const orderId = (await page.getByTestId("confirmed-order-id").innerText()).trim();
    const placed = await ordersWithReference(reference);
    expect(placed).toHaveLength(1);
    expect(String(placed[0]!.id)).toBe(orderId);
    expect(placed[0]!.notes).toContain(notes);
    expect(placed[0]!.products.map((line) => line.product_sku).sort()).toEqual([first!.sku, second!.sku].sort());
    await cart.goto();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();

    // The order in the list, and its page.
    await page.goto("/orders");
    // The row names the order by its reference (the link) and its number beside it.
    await page
      .getByRole("rowheader", { name: new RegExp(`No\\. ${orderId}$`) })
      .getByRole("link", { name: reference })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(orderId);
    await expect(page.getByRole("main")).toContainText(reference);

    // Order again: the answer is the cart (every line went in as it was) or this page with the report.
    await page.getByRole("button", { name: "Order again" }).click();
    await page.waitForURL(/\/(cart|orders\/.+)$/);
    if (new URL(page.url()).pathname !== "/cart") {
      await expect(page.getByRole("alert")).toBeVisible();
      await cart.goto();
    }
    await expect(cart.line(first!.sku)).toHaveCount(1);
    await expect(cart.line(second!.sku)).toHaveCount(1);

    expectNothingTypedInAddresses(seen, [reference, notes, street, unknown, listName, first!.sku, second!.sku]);
  });
});
