/**
 * The portal as it runs for real: two standalone instances of one build on one Postgres, behind HAProxy
 * (round robin, readiness checks), driven through the balancer in Chromium. Which instance answered each
 * request is in HAProxy's X-Served-By header, so every claim "on the other instance" is checked, not assumed.
 */
import { expect, test, type APIResponse, type Page } from "@playwright/test";

import {
  CLUSTER,
  instanceLog,
  isRunning,
  signalInstance,
  simControl,
  startBalancer,
  startInstance,
  startSimulator,
  stopAll,
  type InstanceName,
} from "./cluster";

const DEALER = { email: "dealer@acme.example", password: "demo1234", code: "EA00001" };
const DEMO_EMAILS = ["dealer@acme.example", "admin@wholesaler.example", "limited@bakker.example"];

interface SimOrder {
  id: number;
  reference: string;
  customer_code: string;
  products: { product_sku: string; quantity: number }[];
}

const servedBy = (response: APIResponse) => response.headers()["x-served-by"];

async function ordersWithReference(reference: string): Promise<SimOrder[]> {
  return (await simControl<SimOrder[]>("GET", "orders")).filter((order) => order.reference === reference);
}

/** An ordinary product of the simulator: titled, not blocked, priced, in stock. */
async function orderableSku(index = 0): Promise<string> {
  const api = async <T>(route: string) =>
    (await (
      await fetch(`${CLUSTER.simulatorUrl}${route}`, { headers: { Authorization: `Bearer ${CLUSTER.serviceToken}` } })
    ).json()) as T;
  const list = await api<{ sku: string }[]>("/products");
  const found: string[] = [];
  for (const { sku } of list.slice(0, 80)) {
    const product = await api<{
      title: string | null;
      blocked: boolean;
      stock_colour: string;
      prices: { priceOnDemand: boolean }[];
    }>(`/products/${encodeURIComponent(sku)}`);
    if (
      product.title &&
      !product.blocked &&
      product.stock_colour === "green" &&
      !product.prices.some((p) => p.priceOnDemand)
    )
      found.push(sku);
    if (found.length > index) return found[index]!;
  }
  throw new Error("no orderable product among the simulator's first products");
}

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(DEALER.email);
  await page.getByLabel("Password").fill(DEALER.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
}

async function addToCart(page: Page, sku: string) {
  await page.goto(`/products/${encodeURIComponent(sku)}`);
  await page
    .getByRole("button", { name: /^Add to cart/ })
    .first()
    .click();
  // The action's own answer, not the cart link: that is on the page before the click as well, with the
  // lines the cart had, and would let the next step run while the line is still on its way.
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
}

async function emptyCart(page: Page) {
  await page.goto("/cart");
  const button = page.getByRole("button", { name: "Empty cart" });
  if (await button.isVisible()) {
    page.once("dialog", (dialog) => void dialog.accept());
    await button.click();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
  }
}

/**
 * GETs `path` through the balancer, one request after another; answers the instances that served it and
 * the bodies. Round robin takes turns over every request the balancer gets, the browser's own as well (the
 * service worker's install fetches /offline and its scripts at once), so requests in a row can all land on
 * one instance: with `untilBoth`, it asks again until both have answered, at most `times` times.
 */
async function getRepeatedly(
  page: Page,
  path: string,
  { times, untilBoth = false }: { times: number; untilBoth?: boolean },
) {
  const seen = new Set<string>();
  const bodies: string[] = [];
  for (let i = 0; i < times; i++) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `${path} on ${servedBy(response)}`).toBe(200);
    seen.add(servedBy(response)!);
    bodies.push(await response.text());
    if (untilBoth && seen.size === 2 && bodies.length >= 4) break;
  }
  return { seen, bodies };
}

async function reviewOrder(page: Page, reference: string) {
  await page.goto("/checkout");
  await page.getByLabel("Your order reference").fill(reference);
  await page.getByRole("button", { name: "Review order" }).click();
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
}

test.describe.serial("two instances behind HAProxy", () => {
  // The service worker's install fetches /offline and its scripts through the balancer while a test sends
  // its own requests, and takes turns from them: the tests that count on round robin (two requests, one
  // instance each) would depend on its timing. What it caches is the same on either instance.
  test.use({ serviceWorkers: "block" });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await startSimulator();
    await Promise.all([startInstance("a"), startInstance("b")]);
    await startBalancer();
  });

  test.afterAll(async () => {
    await stopAll();
  });

  test("a session signed in through one instance works on the other", async ({ page }) => {
    await signIn(page);
    const { seen } = await getRepeatedly(page, "/orders", { times: 16, untilBoth: true });
    expect([...seen].sort()).toEqual(["a", "b"]);
  });

  test("the cart is the same on both instances", async ({ page }) => {
    await signIn(page);
    await emptyCart(page);
    const sku = await orderableSku();
    await addToCart(page, sku);
    const { seen, bodies } = await getRepeatedly(page, "/cart", { times: 16, untilBoth: true });
    expect([...seen].sort()).toEqual(["a", "b"]);
    for (const body of bodies) expect(body).toContain(sku);
  });

  test("a double-clicked checkout whose two requests land on different instances places one order", async ({
    page,
  }) => {
    await signIn(page);
    await emptyCart(page);
    await addToCart(page, await orderableSku());
    const reference = `CLUSTER-DOUBLE-${Date.now()}`;
    await reviewOrder(page, reference);
    // The browser's submission, and a copy of it sent at the same moment: round robin gives them one instance each.
    const served: string[] = [];
    let copy: Promise<APIResponse> | undefined;
    await page.route("**/checkout**", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"] || copy) return route.continue();
      copy = page.request.fetch(request.url(), {
        method: "POST",
        headers: request.headers(),
        data: request.postDataBuffer() ?? undefined,
        maxRedirects: 0,
      });
      const response = await route.fetch({ maxRedirects: 0 });
      served.push(servedBy(response)!, servedBy(await copy)!);
      await route.fulfill({ response });
    });
    await page.getByRole("button", { name: "Place order" }).click();
    await expect.poll(() => served.length, { timeout: 30_000 }).toBe(2);
    await page.unrouteAll({ behavior: "wait" });
    expect([...served].sort()).toEqual(["a", "b"]);
    // Whichever of the two arrived first, both carry the same attempt: the other one reports its order
    // (lib/checkout/send-once.ts), so the browser shows the confirmation, never an empty cart.
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    await expect.poll(async () => (await ordersWithReference(reference)).length).toBe(1);
    await page.waitForTimeout(1000);
    expect(await ordersWithReference(reference)).toHaveLength(1);
  });

  test("the sixth wrong password is refused whichever instance answers", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: CLUSTER.balancerUrl });
    const account = `cluster-${Date.now()}@example.invalid`;
    // One CSRF token (it stays valid), then the attempts alone: round robin sends them to a, b, a, b, …
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const seen = new Set<string>();
    const attempt = async () => {
      const answer = await request.post("/api/auth/callback/password", {
        form: { email: account, password: "wrong-password", csrfToken, json: "true" },
        maxRedirects: 0,
      });
      seen.add(servedBy(answer)!);
      expect(answer.status()).toBeLessThan(500);
      const { url } = (await answer.json()) as { url: string };
      return new URL(url).searchParams.get("error");
    };
    for (let i = 0; i < 5; i++) expect(await attempt()).toBe("CredentialsSignin");
    expect(await attempt()).toBe("RateLimited");
    expect(await attempt()).toBe("RateLimited");
    expect([...seen].sort()).toEqual(["a", "b"]);
    await request.dispose();
  });

  test("the catalogue sync runs on one instance at a time: the upstream sees one sync per interval, not two", async () => {
    const intervals = 4;
    await simControl("POST", "stats/reset");
    await new Promise((resolve) => setTimeout(resolve, intervals * CLUSTER.syncSeconds * 1000));
    const stats = await simControl<{ routes: Record<string, number> }>("GET", "stats");
    const listCalls = stats.routes["GET /products"] ?? 0;
    // Each run reads the product list once: one instance alone makes `intervals` runs (give or take the
    // one at the edges); two instances each on their own timer would make twice as many.
    expect(listCalls).toBeGreaterThanOrEqual(intervals - 1);
    expect(listCalls).toBeLessThanOrEqual(intervals + 1);
  });

  test("one instance killed with SIGKILL mid-journey: the balancer takes it out and the journey goes on", async ({
    page,
  }) => {
    await signIn(page);
    await emptyCart(page);
    const [first, second] = [await orderableSku(0), await orderableSku(1)];
    await addToCart(page, first);
    expect(await signalInstance("a", "SIGKILL")).toBeNull();
    expect(isRunning("a")).toBe(false);
    // Nothing in between: the next requests reach the balancer while it still believes in the dead instance.
    await addToCart(page, second);
    const { seen, bodies } = await getRepeatedly(page, "/cart", { times: 4 });
    expect([...seen]).toEqual(["b"]);
    for (const body of bodies) {
      expect(body).toContain(first);
      expect(body).toContain(second);
    }
    const reference = `CLUSTER-KILL-${Date.now()}`;
    await reviewOrder(page, reference);
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible();
    const orders = await ordersWithReference(reference);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.products.map((line) => line.product_sku).sort()).toEqual([first, second].sort());
    // Back for the next test; the balancer's check lets it in again.
    await startInstance("a");
    await expect
      .poll(
        async () => {
          const seen = new Set<string | undefined>();
          for (let i = 0; i < 4; i++) seen.add(servedBy(await page.request.get("/api/health/live")));
          return [...seen].sort();
        },
        { timeout: 30_000 },
      )
      .toEqual(["a", "b"]);
  });

  test("SIGTERM during a checkout: readiness answers 503, the order is placed once and the cart is empty", async ({
    page,
  }) => {
    await signIn(page);
    await emptyCart(page);
    await addToCart(page, await orderableSku());
    const direct = `http://127.0.0.1:${CLUSTER.instances.a}`;
    const reference = `CLUSTER-TERM-${Date.now()}`;
    // On instance a directly (the session cookie is the same on every instance), so that the signal hits
    // the instance that is sending the order; the wholesaler takes 4 s to answer it.
    await page.goto(`${direct}/checkout`);
    await page.getByLabel("Your order reference").fill(reference);
    await page.getByRole("button", { name: "Review order" }).click();
    await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
    await simControl("POST", "faults", { latencyMs: 4000, paths: "^/orders$" });
    try {
      await simControl("POST", "stats/reset");
      await page.getByRole("button", { name: "Place order" }).click();
      await expect.poll(async () => (await simControl<{ total: number }>("GET", "stats")).total).toBeGreaterThan(0);
      const exited = signalInstance("a", "SIGTERM");
      await expect.poll(async () => (await fetch(`${direct}/api/health/ready`)).status).toBe(503);
      await expect(page.getByRole("heading", { name: "Thank you, your order has been placed" })).toBeVisible({
        timeout: 15_000,
      });
      expect(await exited).toBe(143);
    } finally {
      await simControl("DELETE", "faults");
    }
    expect(await ordersWithReference(reference)).toHaveLength(1);
    expect(instanceLog("a")).toContain("shutdown: sync stopped, database closed");
    // Through the balancer (instance b now): the cart was emptied once the order was placed.
    await page.goto(`${CLUSTER.balancerUrl}/cart`);
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await startInstance("a");
  });

  test("/metrics: Prometheus text on the instance's own machine, nothing through the balancer without the token", async () => {
    const direct = await fetch(`http://127.0.0.1:${CLUSTER.instances.b}/metrics`);
    expect(direct.status).toBe(200);
    const text = await direct.text();
    expect(text).toMatch(
      /^portal_http_request_duration_seconds_count\{method="GET",route="\/cart",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(/^portal_upstream_calls_total\{endpoint="\w+",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^portal_sync_lag_seconds \d/m);
    expect((await fetch(`${CLUSTER.balancerUrl}/metrics`)).status).toBe(404);
  });

  test("the logs of the whole run: JSON lines per request and per upstream call, no email, token or password", async () => {
    const tokens = (await simControl<{ tokens: { token: string }[] }>("GET", "tokens")).tokens.map((t) => t.token);
    expect(tokens.length).toBeGreaterThan(0);
    for (const name of ["a", "b"] as InstanceName[]) {
      const log = instanceLog(name);
      const lines = log.split("\n").filter((line) => line.startsWith("{"));
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(parsed.some((line) => line.msg === "request" && line.route && line.status && line.req)).toBe(true);
      expect(parsed.some((line) => line.msg === "upstream call" && line.endpoint && line.attempt)).toBe(true);
      for (const email of DEMO_EMAILS) expect(log, `instance ${name}`).not.toContain(email);
      expect(log).not.toContain("demo1234");
      expect(log).not.toContain(CLUSTER.secret);
      for (const token of tokens) expect(log.includes(token), `a token in instance ${name}'s log`).toBe(false);
    }
  });
});
