import { orderableProduct } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { simulator } from "./simulator";

/**
 * Dealer A (the suite's dealer, Acme) tries every page, route and action that takes an id or a
 * customer code with dealer B's (Bakker Campers): B's order (placed here by B), B's order
 * confirmation, B's customer code. Every attempt fails, and nothing of B reaches A.
 */
test("dealer A gets nothing of dealer B's orders, confirmations or customer code", async ({ page, browser }) => {
  const product = await orderableProduct();
  const reference = `ISO-${Date.now()}`;

  // Dealer B places an order in a browser of their own.
  const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirPage = await theirs.newPage();
  const signIn = new SignInPage(theirPage);
  await signIn.goto(`/products/${product.sku}`);
  await signIn.signIn(DEMO.limited.email, DEMO.limited.password);
  await theirPage.getByRole("button", { name: "Add to cart" }).click();
  await expect(theirPage.getByText(/^Added /)).toBeVisible();
  await theirPage.goto("/checkout");
  await theirPage.getByLabel("Your order reference").fill(reference);
  await theirPage.getByRole("button", { name: "Review order" }).click();
  await theirPage.getByRole("button", { name: "Place order" }).click();
  await expect(theirPage.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
  const confirmation = new URL(theirPage.url()).pathname;
  const orderId = (await theirPage.getByTestId("confirmed-order-id").innerText()).trim();
  expect(confirmation).toMatch(/^\/checkout\/confirmation\/[\w-]+$/);
  await theirs.close();

  const secrets = [reference, "Bakker Campers", DEMO.limited.email];
  const expectNothingOfB = (body: string, what: string) => {
    for (const secret of secrets) expect(body, `${what} shows "${secret}"`).not.toContain(secret);
  };

  // Pages that take an id: not found, and nothing of B in them.
  for (const path of [confirmation, `/orders/${orderId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    expectNothingOfB(await page.content(), path);
  }

  // Route handlers and the session's customer: not found or forbidden.
  const attempts: Array<{ what: string; status: number; body: string }> = [];
  for (const [what, call] of [
    [`GET /orders/${orderId}/status`, () => page.request.get(`/orders/${orderId}/status`)],
    [
      `GET /orders?customer_id=${DEMO.limited.code}`,
      () => page.request.get(`/orders?customer_id=${DEMO.limited.code}`),
    ],
    [
      `GET /orders?customer_code=${DEMO.limited.code}`,
      () => page.request.get(`/orders?customer_code=${DEMO.limited.code}`),
    ],
    [
      "POST /api/session/customer",
      () => page.request.post("/api/session/customer", { data: { code: DEMO.limited.code } }),
    ],
    ["GET /api/companies", () => page.request.get("/api/companies?q=bakker")],
  ] as const) {
    const response = await call();
    attempts.push({ what, status: response.status(), body: await response.text() });
  }
  for (const attempt of attempts) {
    expect([403, 404], attempt.what).toContain(attempt.status);
    expectNothingOfB(attempt.body, attempt.what);
  }

  // "Order again" takes an order id and reads its lines on the server: with B's id it adds nothing.
  const own = ((await simulator.orders()) as { id: number; customer_code: string; products: unknown[] }[]).find(
    (order) => order.customer_code === DEMO.dealer.code && order.products.length > 0,
  );
  if (!own) throw new Error("the simulator has no order of the dealer with lines");
  await page.goto(`/orders/${own.id}`);
  let reorderAction = "";
  await page.route(`**/orders/${own.id}`, async (route) => {
    const action = route.request().headers()["next-action"];
    if (route.request().method() !== "POST" || !action) return route.continue();
    reorderAction = action;
    await route.abort(); // A's own reorder is not needed, only the action's id.
  });
  await page.getByRole("button", { name: "Order again" }).click();
  await expect.poll(() => reorderAction).not.toBe("");
  await page.unrouteAll();
  const forged = await page.request.post(`/orders/${own.id}`, {
    headers: { "next-action": reorderAction, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([{ orderId }]),
  });
  expect(forged.status()).toBeLessThan(500);
  const answer = await forged.text();
  expect(answer).toContain('"not-found"');
  expectNothingOfB(answer, "the reorder action with B's order id");

  // A's own order list, searched for B's reference, finds nothing and links to no order of B.
  await page.goto(`/orders?q=${encodeURIComponent(reference)}`);
  await expect(page.getByText("No orders match these filters.")).toBeVisible();
  await expect(page.locator(`a[href="/orders/${orderId}"]`)).toHaveCount(0);
  await page.goto("/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.locator(`a[href="/orders/${orderId}"]`)).toHaveCount(0);
  expectNothingOfB(await page.content(), "the orders list");
});

test("dealer A gets nothing of dealer B's address book or favourites", async ({ page, browser }) => {
  const lastName = `Bakkerklant${Date.now().toString(36)}`;
  const theirs = await browser.newContext({ storageState: E2E.limitedState });
  const theirPage = await theirs.newPage();
  await theirPage.goto("/addresses/new");
  await theirPage.getByLabel("First name").fill("Bea");
  await theirPage.getByLabel("Last name").fill(lastName);
  await theirPage.getByLabel("Phone").fill("+31 20 123 4567");
  await theirPage.getByLabel("Street").fill("Kerkstraat");
  await theirPage.getByLabel("House number").fill("3");
  await theirPage.getByLabel("Postcode").fill("1017 GC");
  await theirPage.getByLabel("City").fill("Amsterdam");
  await theirPage.getByRole("button", { name: "Save address" }).click();
  await theirPage.getByRole("link", { name: `Edit the address of Bea ${lastName}` }).click();
  await expect(theirPage).toHaveURL(/\/addresses\/[\w-]{22}$/);
  const theirAddress = new URL(theirPage.url()).pathname;
  await theirs.close();

  // Not in A's book, not found by its id, not offered at A's checkout.
  await page.goto(`/addresses?q=${lastName}`);
  // The search words are said back ("no address matches …"); no address of theirs is listed.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `Edit the address of Bea ${lastName}` })).toHaveCount(0);
  await expect(page.getByRole("article")).toHaveCount(0);
  const response = await page.goto(theirAddress);
  expect(response?.status()).toBe(404);
  expect(await page.content()).not.toContain(lastName);
  await page.goto("/favourites");
  expect(await page.content()).not.toContain(lastName);
});

test("dealer A gets nothing of dealer B's lists: not listed, 404 on the page and the export", async ({
  page,
  browser,
}) => {
  const name = `Bakker list ${Date.now().toString(36)}`;
  const theirs = await browser.newContext({ storageState: E2E.limitedState });
  const theirPage = await theirs.newPage();
  await theirPage.goto("/lists");
  await theirPage.getByLabel("Name of the new list").fill(name);
  await theirPage.getByRole("button", { name: "Create list" }).click();
  await expect(theirPage).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
  const theirList = new URL(theirPage.url()).pathname;

  await page.goto("/lists");
  await expect(page.getByText(name)).toHaveCount(0);
  for (const path of [theirList, `${theirList}/export`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain(name);
  }
  await theirPage.reload();
  await expect(theirPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await theirs.close();
});
