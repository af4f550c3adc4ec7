import type { Browser, BrowserContext, Page } from "@playwright/test";

import { postThrough, renderedActionFields } from "./action-forms";
import { openProductPage, orderableProduct, someProducts } from "./catalogue-data";
import { DEMO, E2E } from "./env";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { simulator } from "./simulator";

/**
 * Dealer A (the suite's dealer, Acme) tries every page, route and action that takes an id or a
 * customer code with dealer B's (Bakker Campers): B's order (placed here by B), B's order
 * confirmation, B's customer code. Every attempt fails, and nothing of B reaches A. Then B's
 * lists, address book and favourites (issue 22): not listed, 404 by id in pages and the export,
 * and A's forms posted with B's ids (as a browser posts them without JavaScript) change nothing,
 * while the same posts with A's own ids do what they say (so the fields reach the actions).
 */

/** The simulator's second user of A's customer (EA00001): its own cart, A's lists and addresses. */
const COLLEAGUE = { email: "warehouse@acme.example", password: "demo1234" } as const;

/** A user signed in through the sign-in page in a browser of their own, on `from`. */
async function signedIn(browser: Browser, email: string, password: string, from: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto(from);
  await signIn.signIn(email, password);
  await expect(page).toHaveURL((url) => url.pathname === from);
  return page;
}

/** The same user in a browser without JavaScript, where forms stay as the server sent them. */
async function withoutJavaScript(browser: Browser, storageState: string | StorageState): Promise<Page> {
  const context = await browser.newContext({ storageState, javaScriptEnabled: false });
  return context.newPage();
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

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
    headers: {
      origin: new URL(page.url()).origin, // as a browser's post carries it
      "next-action": reorderAction,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
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

test("dealer A gets nothing of dealer B's address book: not listed, 404, not offered at checkout, forged forms change nothing", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const theirs = await browser.newContext({ storageState: E2E.limitedState });
  const theirPage = await theirs.newPage();
  const lastName = `Bakkerklant${stamp}`;
  const ownName = `Acmeklant${stamp}`;
  const newAddress = async (on: Page, firstName: string, last: string): Promise<string> => {
    await on.goto("/addresses/new");
    await on.getByLabel("First name").fill(firstName);
    await on.getByLabel("Last name").fill(last);
    await on.getByLabel("Phone").fill("+31 20 123 4567");
    await on.getByLabel("Street").fill("Kerkstraat");
    await on.getByLabel("House number").fill("3");
    await on.getByLabel("Postcode").fill("1017 GC");
    await on.getByLabel("City").fill("Amsterdam");
    await on.getByRole("button", { name: "Save address" }).click();
    await on.getByRole("link", { name: `Edit the address of ${firstName} ${last}` }).click();
    await expect(on).toHaveURL(/\/addresses\/[\w-]{22}$/);
    return new URL(on.url()).pathname.split("/").at(-1)!;
  };
  const theirId = await newAddress(theirPage, "Bea", lastName);
  const ownId = await newAddress(page, "Aad", ownName);

  // Not in A's book, not found by its id.
  await page.goto(`/addresses?q=${lastName}`);
  // The search words are said back ("no address matches …"); no address of theirs is listed.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `Edit the address of Bea ${lastName}` })).toHaveCount(0);
  await expect(page.getByRole("article")).toHaveCount(0);
  const response = await page.goto(`/addresses/${theirId}`);
  expect(response?.status()).toBe(404);
  expect(await page.content()).not.toContain(lastName);

  // A's edit and delete forms, as posted without JavaScript. With A's own id they do what they say.
  const plain = await withoutJavaScript(browser, E2E.dealerState);
  await plain.goto(`/addresses/${ownId}`);
  const edit = await renderedActionFields(plain.locator("form").filter({ has: plain.getByLabel("Last name") }));
  await plain.goto(`/addresses?q=${ownName}`);
  const remove = await renderedActionFields(
    plain.locator("form").filter({ has: plain.locator(`input[name="id"][value="${ownId}"]`) }),
  );
  const fields = {
    firstName: "Aad",
    phone: "+31 20 765 4321",
    street: "Damrak",
    houseNumber: "1",
    postcode: "1012 LG",
    city: "Amsterdam",
    country: "NL",
  };
  const updated = await postThrough(plain, `/addresses/${ownId}`, edit, {
    ...fields,
    lastName: ownName,
    id: ownId,
  });
  expect(updated.location).toContain("done=updated");
  await page.goto(`/addresses/${ownId}`);
  await expect(page.getByLabel("Street")).toHaveValue("Damrak");

  // With B's id: refused in words, and B's address is as it was.
  for (const [what, answer] of [
    ["edit", await postThrough(plain, `/addresses/${ownId}`, edit, { ...fields, lastName: "Taken", id: theirId })],
    ["delete", await postThrough(plain, `/addresses?q=${ownName}`, remove, { id: theirId })],
  ] as const) {
    expect(answer.status, what).toBeLessThan(500);
    expect(answer.location, what).toBe("");
    expect(answer.body, what).toContain("This address no longer exists.");
    expect(answer.body, what).not.toContain(lastName);
  }
  await plain.context().close();
  await theirPage.reload();
  await expect(theirPage.getByLabel("Last name")).toHaveValue(lastName);
  await expect(theirPage.getByLabel("Street")).toHaveValue("Kerkstraat");
  await theirs.close();

  // At checkout (a colleague at A's customer, with a line in the cart): B's address is neither
  // offered nor taken by its id, posted as "Use this address" without JavaScript; A's is.
  const product = await orderableProduct((item) => item.dropshipment.dropshipable);
  const colleague = await signedIn(
    browser,
    COLLEAGUE.email,
    COLLEAGUE.password,
    `/products/${encodeURIComponent(product.sku)}`,
  );
  await colleague.getByRole("button", { name: "Add to cart", exact: true }).click();
  await expect(colleague.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
  const checkout = await withoutJavaScript(browser, await colleague.context().storageState());
  await colleague.context().close();
  await checkout.goto("/checkout");
  expect(await checkout.content()).not.toContain(lastName);
  const pickForm = await renderedActionFields(
    checkout.locator("form").filter({ has: checkout.locator('button[name="intent"][value="pick"]') }),
  );
  const pickOwn = await postThrough(checkout, "/checkout", pickForm, { intent: "pick", savedAddress: ownId });
  expect(pickOwn.status).toBeLessThan(500);
  expect(pickOwn.body).toContain(`value="${ownName}"`);
  const pickTheirs = await postThrough(checkout, "/checkout", pickForm, {
    intent: "pick",
    savedAddress: theirId,
  });
  expect(pickTheirs.status).toBeLessThan(500);
  expect(pickTheirs.body).not.toContain(lastName);
  await checkout.context().close();
});

test("dealer A does not see dealer B's favourites", async ({ page, browser }) => {
  const product = (await someProducts()).filter((item) => item.title && !item.blocked).at(40)!;
  const star = (on: Page) => on.getByRole("button", { name: /^(Add to|Remove from) favourites$/ });

  // A's own star off first (another test may have starred it), then B stars the product.
  await page.goto(`/products/${encodeURIComponent(product.sku)}`);
  if ((await star(page).innerText()).includes("Remove from favourites")) {
    await star(page).click();
    await expect(star(page)).toHaveAccessibleName("Add to favourites");
  }
  const theirs = await browser.newContext({ storageState: E2E.limitedState });
  const theirPage = await theirs.newPage();
  await theirPage.goto(`/products/${encodeURIComponent(product.sku)}`);
  if ((await star(theirPage).innerText()).includes("Add to favourites")) await star(theirPage).click();
  await expect(star(theirPage)).toHaveAccessibleName("Remove from favourites");
  await theirPage.goto("/favourites");
  await expect(theirPage.getByRole("article").filter({ hasText: product.sku })).toBeVisible();
  await theirs.close();

  await page.reload();
  await expect(star(page)).toHaveAccessibleName("Add to favourites");
  await page.goto("/favourites");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: product.sku })).toHaveCount(0);
});

test("dealer A gets nothing of dealer B's lists: not listed, 404 on the page and the export, forged forms change nothing", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const product = await orderableProduct((item) => item.sales_unit_amount === 1);
  // The title the lists will show, once the mirror has the simulator's current one.
  const title = await openProductPage(page, product.sku);
  const stamp = Date.now().toString(36);
  const newList = async (on: Page, name: string): Promise<string> => {
    await on.goto("/lists");
    await on.getByLabel("Name of the new list").fill(name);
    await on.getByRole("button", { name: "Create list" }).click();
    await expect(on).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
    await on.getByLabel("Lines to import").fill(`${product.sku};4`);
    await on.getByRole("button", { name: "Import", exact: true }).click();
    await expect(on.getByText(/1 line read/)).toBeVisible();
    return new URL(on.url()).pathname.split("/").at(-1)!;
  };
  const name = `Bakker list ${stamp}`;
  const own = `Acme list ${stamp}`;
  const theirs = await browser.newContext({ storageState: E2E.limitedState });
  const theirPage = await theirs.newPage();
  const theirId = await newList(theirPage, name);
  const ownId = await newList(page, own);

  await page.goto("/lists");
  await expect(page.getByText(name)).toHaveCount(0);
  for (const path of [`/lists/${theirId}`, `/lists/${theirId}/export`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain(name);
  }

  // Every list form of A's, as posted without JavaScript.
  const plain = await withoutJavaScript(browser, E2E.dealerState);
  const ownPath = `/lists/${ownId}`;
  await plain.goto(ownPath);
  const form = (has: string) => renderedActionFields(plain.locator("form").filter({ has: plain.locator(has) }));
  const forms = {
    rename: await form('input[name="name"]'),
    line: await form('button[name="intent"][value="remove"]'),
    importLines: await form('textarea[name="text"]'),
    toCart: await form('button[name="scope"][value="all"]'),
    remove: await renderedActionFields(
      plain.locator("form").filter({ has: plain.getByRole("button", { name: "Delete list" }) }),
    ),
  };
  await plain.goto(`/products/${encodeURIComponent(product.sku)}`);
  const addTo = await renderedActionFields(plain.locator("details[data-add-to-list] form"));

  // With A's own id they do what they say: the fields reach the actions.
  const renamed = await postThrough(plain, ownPath, forms.rename, { id: ownId, name: `${own} renamed` });
  expect(renamed.body).toContain("The list was renamed.");
  const saved = await postThrough(plain, ownPath, forms.line, {
    id: ownId,
    sku: product.sku,
    intent: "quantity",
    quantity: "8",
  });
  expect(saved.body).toContain("Quantity saved.");
  await page.goto(ownPath);
  await expect(page.getByRole("heading", { level: 1, name: `${own} renamed` })).toBeVisible();
  await expect(page.getByLabel(`Quantity of ${title}`, { exact: true })).toHaveValue("8");

  // With B's list id: refused in words, nothing of B's in the answer.
  const notFound = "This list no longer exists, or it is not one of your lists.";
  const forged: Array<[string, Record<string, string>, Record<string, string>]> = [
    ["rename", forms.rename, { id: theirId, name: "Taken over" }],
    ["quantity", forms.line, { id: theirId, sku: product.sku, intent: "quantity", quantity: "9" }],
    ["move", forms.line, { id: theirId, sku: product.sku, intent: "down" }],
    ["remove line", forms.line, { id: theirId, sku: product.sku, intent: "remove" }],
    ["import", forms.importLines, { id: theirId, text: `${product.sku};7` }],
    ["to cart", forms.toCart, { id: theirId, scope: "all" }],
    ["delete", forms.remove, { id: theirId }],
  ];
  for (const [what, action, fields] of forged) {
    const answer = await postThrough(plain, ownPath, action, fields);
    expect(answer.status, what).toBe(200);
    expect(answer.body, what).toContain(notFound);
    expect(answer.body, what).not.toContain(name);
  }
  const added = await postThrough(plain, `/products/${encodeURIComponent(product.sku)}`, addTo, {
    sku: product.sku,
    list: theirId,
    quantity: "5",
  });
  expect(added.status).toBe(200);
  expect(added.body).toContain(notFound);
  expect(added.body).not.toContain(name);
  await plain.context().close();

  // B's list is as B left it.
  await theirPage.reload();
  await expect(theirPage.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(theirPage.getByLabel(`Quantity of ${title}`, { exact: true })).toHaveValue("4");
  await theirs.close();
});
