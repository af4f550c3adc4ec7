/** Each fault mode, observed over real HTTP against a simulator on a random port. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OrderJson } from "../dataset/orders.js";
import { type RunningSimulator, startSimulator } from "../server.js";
import { CONTROL_KEY, findProducts, SERVICE_TOKEN, testSim } from "./helpers.js";

let server: RunningSimulator;
let sku: string;

beforeAll(async () => {
  server = await startSimulator({ products: 1000, timeScale: 0, port: 0 });
  [sku] = findProducts(server.sim, (p) => !p.blocked && p.sales_unit_amount === 1) as [string];
});
afterAll(() => server.close());
afterEach(() => control("DELETE", "faults"));

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${SERVICE_TOKEN}`, "Content-Type": "application/json", ...init.headers },
  });
async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/__sim/${path}`, {
    method,
    headers: { "x-sim-key": CONTROL_KEY, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
const placeOrder = (reference: string) =>
  api("/orders", { method: "POST", body: JSON.stringify({ reference, products: [{ sku, amount: 1 }] }) });
const ordersWithReference = async (reference: string) =>
  (await control<OrderJson[]>("GET", "orders")).filter((o) => o.reference === reference);

describe("faults", () => {
  it("are guarded by the control key", async () => {
    const response = await fetch(`${server.url}/__sim/faults`, {
      method: "POST",
      body: "{}",
      headers: { "x-sim-key": "wrong" },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/x-sim-key/);
  });

  it("reject invalid settings with 422", async () => {
    const response = await fetch(`${server.url}/__sim/faults`, {
      method: "POST",
      headers: { "x-sim-key": CONTROL_KEY, "Content-Type": "application/json" },
      body: JSON.stringify({ errorRate: 1.5, paths: "(", bogus: true }),
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["errorRate", "paths"]));
  });

  it("latency with jitter delays answers", async () => {
    await control("POST", "faults", { latencyMs: 150, jitterMs: 50 });
    const started = performance.now();
    expect((await api("/me")).status).toBe(200);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(elapsed).toBeLessThan(1000);
  });

  it("an error rate answers 500/502/503 with an HTML body", async () => {
    await control("POST", "faults", { errorRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const response = await api("/me");
      statuses.add(response.status);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toMatch(/<html/i);
    }
    expect([...statuses].every((s) => [500, 502, 503].includes(s))).toBe(true);
    expect(statuses.size).toBeGreaterThan(1);
    await control("POST", "faults", { errorRate: 0.5 });
    const mixed = await Promise.all(Array.from({ length: 40 }, () => api("/me").then((r) => r.status)));
    expect(mixed.filter((s) => s === 200).length).toBeGreaterThan(5);
    expect(mixed.filter((s) => s >= 500).length).toBeGreaterThan(5);
  });

  it("answers 429 with Retry-After above the rate limit", async () => {
    await control("POST", "faults", { rateLimitPerSecond: 3 });
    const responses = await Promise.all(Array.from({ length: 10 }, () => api("/me")));
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(4); // at most two one-second windows of 3
    expect(limited.length).toBeLessThanOrEqual(7);
    expect(Number(limited[0]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]?.json()).toEqual({ message: "Too Many Attempts." });
    expect(responses.some((r) => r.status === 200)).toBe(true);
  });

  it("a hanging request never answers until the client gives up", async () => {
    await control("POST", "faults", { hangRate: 1 });
    const started = performance.now();
    await expect(api("/me", { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await control("DELETE", "faults");
    expect((await api("/me")).status).toBe(200);
  });

  it("a reset answers hanging requests and clears faults", async () => {
    await control("POST", "faults", { hangRate: 1 });
    const hanging = api("/me");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await control("POST", "reset");
    expect((await hanging).status).toBe(503);
    expect((await control<{ hangRate: number }>("GET", "faults")).hangRate).toBe(0);
  });

  it("commit-then-fail 502: the order is created, the answer is a 502 with HTML", async () => {
    await control("POST", "faults", { commitThenFail: { count: 1, mode: "502" } });
    const response = await placeOrder("ctf-502");
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/Bad Gateway/);
    expect(await ordersWithReference("ctf-502")).toHaveLength(1);
    expect((await control<{ commitThenFail: { count: number } }>("GET", "faults")).commitThenFail.count).toBe(0);
    expect((await placeOrder("ctf-after")).status).toBe(201);
  });

  it("commit-then-fail drop: the order is created, the connection is dropped", async () => {
    await control("POST", "faults", { commitThenFail: { count: 1, mode: "drop" } });
    await expect(placeOrder("ctf-drop")).rejects.toThrow(/fetch failed|terminated|socket/i);
    expect(await ordersWithReference("ctf-drop")).toHaveLength(1);
  });

  it("commit late: a client that stops waiting gets nothing, and the order is created after the delay all the same", async () => {
    await control("POST", "faults", { commitLate: { count: 1, delayMs: 400 } });
    await expect(
      fetch(`${server.url}/orders`, {
        method: "POST",
        headers: { Authorization: `Bearer ${SERVICE_TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ reference: "late-1", products: [{ sku, amount: 1 }] }),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow(/abort|timeout/i);
    expect(await ordersWithReference("late-1")).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await ordersWithReference("late-1")).toHaveLength(1);
    expect((await control<{ commitLate: { count: number } }>("GET", "faults")).commitLate.count).toBe(0);
    // Counted down: the next one is answered at once.
    expect((await placeOrder("late-2")).status).toBe(201);
  });

  it("commit-then-fail ignores requests that fail validation", async () => {
    await control("POST", "faults", { commitThenFail: { count: 1, mode: "502" } });
    expect((await api("/orders", { method: "POST", body: "{}" })).status).toBe(422);
    expect((await placeOrder("ctf-second")).status).toBe(502);
  });

  it("limits faults to paths matching a regular expression, never the control endpoints", async () => {
    await control("POST", "faults", { errorRate: 1, paths: "^/products" });
    expect((await api(`/products/${sku}`)).status).toBeGreaterThanOrEqual(500);
    expect((await api("/me")).status).toBe(200);
    expect((await control<{ errorRate: number }>("GET", "faults")).errorRate).toBe(1);
  });

  it("counts requests per route for benchmarks", async () => {
    await control("POST", "stats/reset");
    await api(`/products/${sku}`);
    await api(`/products/${sku}`);
    await api("/nope");
    const stats = await control<{ total: number; routes: Record<string, number> }>("GET", "stats");
    expect(stats.routes["GET /products/{product}"]).toBe(2);
    expect(stats.routes["GET (unmatched)"]).toBe(1);
    expect(stats.total).toBe(3);
  });
});

describe("faults in-process (app.request)", () => {
  it("commit-then-fail drop (set from the options) fails the body read; the order exists", async () => {
    const t = testSim({ faults: { commitThenFail: { count: 1, mode: "drop" } } });
    const [product] = findProducts(t.sim, (p) => !p.blocked && p.sales_unit_amount === 1);
    const response = await t.call("POST", "/orders", {
      token: SERVICE_TOKEN,
      json: { reference: "in-process-drop", products: [{ sku: product, amount: 1 }] },
    });
    await expect(response.text()).rejects.toThrow(/dropped/);
    expect(t.sim.state.orders.all().some((o) => o.reference === "in-process-drop")).toBe(true);
  });
});
