/**
 * `npm run test:faults`: many checkout attempts against the simulator's fault
 * modes — commit-then-fail (502 and dropped connections), orders the wholesaler
 * makes after the portal stopped waiting, 5xx bursts, hanging requests past the
 * time-out, rate limits, 2 s latency with jitter alone and with 20 % 5xx and 5 %
 * hangs, double clicks, second tabs and retries — through the portal's real
 * checkout code and a real PGlite database. Every attempt is then retried the
 * way a dealer would until it settles, a minute later (UNANSWERED_SEND_SETTLES_MS:
 * the portal's clock is moved on, not waited for). Prints and writes to
 * bench/faults.{json,md}: orders created, duplicates and lost carts (both must be
 * zero; the script fails otherwise).
 *
 *   npm run test:faults -- --attempts 1000 --seed 7
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

import { startSimProcess, type SimProcess } from "@/bench/lib/sim-process";
import { addToStoredCart, emptyStoredCart, readCart, type CartOwner } from "@/lib/cart/store";
import { upsertProducts } from "@/lib/catalogue/store/products";
import { newAttemptId } from "@/lib/checkout/attempts";
import { attemptMarker } from "@/lib/checkout/order-request";
import { sendOnce, UNANSWERED_SEND_SETTLES_MS, type CheckoutOutcome, type SendContext } from "@/lib/checkout/send-once";
import { EMPTY_DROPSHIP } from "@/lib/checkout/delivery-address";
import type { CheckoutInput } from "@/lib/checkout/schema";
import { openMemoryDatabase } from "@/lib/db/client";
import { UpstreamClient } from "@/lib/upstream/client";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const ATTEMPTS = option("attempts", 200);
let seed = option("seed", 42);
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Scenario =
  | "clean"
  | "commit-then-fail-502"
  | "commit-then-fail-drop"
  | "commit-late"
  | "server-errors"
  | "flaky-20-percent"
  | "hang-past-timeout"
  | "rate-limited"
  | "slow"
  | "slow-and-flaky"
  | "double-click"
  | "second-tab";

const SCENARIOS: Scenario[] = [
  "clean",
  "commit-then-fail-502",
  "commit-then-fail-drop",
  "commit-late",
  "server-errors",
  "flaky-20-percent",
  "hang-past-timeout",
  "rate-limited",
  "slow",
  "slow-and-flaky",
  "double-click",
  "second-tab",
];

function faultsFor(scenario: Scenario): Record<string, unknown> | null {
  switch (scenario) {
    case "commit-then-fail-502":
      return { commitThenFail: { count: 1, mode: "502" } };
    case "commit-then-fail-drop":
      return { commitThenFail: { count: 1, mode: "drop" } };
    case "commit-late":
      // Made after the 400 ms time-out, while the portal looks it up and would have sent it again.
      return { commitLate: { count: 1, delayMs: 1_000 } };
    case "server-errors":
      return { errorRate: 1, paths: "^/orders" };
    case "flaky-20-percent":
      return { errorRate: 0.2, hangRate: 0.05 };
    case "hang-past-timeout":
      return { hangRate: 1, paths: "^/orders$" };
    case "rate-limited":
      return { rateLimitPerSecond: 1 };
    case "slow":
      return { latencyMs: 2_000, jitterMs: 500 };
    case "slow-and-flaky":
      return { latencyMs: 2_000, jitterMs: 500, errorRate: 0.2, hangRate: 0.05 };
    case "double-click":
      return { latencyMs: 100, jitterMs: 100 };
    default:
      return null;
  }
}

async function main() {
  const started = Date.now();
  const sim: SimProcess = await startSimProcess({ products: 400, seed: "faults" });
  const handle = await openMemoryDatabase();
  const db = handle.db;
  try {
    const service = new UpstreamClient(
      { baseUrl: sim.url, token: sim.serviceToken, timeoutMs: 10_000, readAttempts: 3 },
      "/media",
    );
    const listed = await service.productSkus();
    const details = await Promise.all(listed.slice(0, 120).map((entry) => service.product(entry.sku)));
    await upsertProducts(db, details, new Map(), new Date());
    const orderable = details.filter(
      (product) => !product.blocked && !product.prices.some((tier) => tier.priceOnDemand) && product.title,
    );
    const adminToken = (await service.issueToken("admin@wholesaler.example", "demo1234")).token;
    const companyCodes = (
      await new UpstreamClient(
        { baseUrl: sim.url, token: adminToken, timeoutMs: 10_000, readAttempts: 3 },
        "/media",
      ).companies(1)
    ).companies.map((c) => c.code);

    const counts = {
      attempts: 0,
      ordersCreated: 0,
      duplicates: 0,
      lostCarts: 0,
      neverSettled: 0,
      placedAtOnce: 0,
      placedAfterRetry: 0,
      firstOutcome: {} as Record<string, number>,
      byScenario: {} as Record<string, { attempts: number; duplicates: number; lostCarts: number }>,
    };

    for (let i = 0; i < ATTEMPTS; i++) {
      const scenario = pick(SCENARIOS);
      const customer = pick(companyCodes);
      const owner: CartOwner = { userKey: "admin@wholesaler.example", customerCode: customer };
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(orderable));
      await emptyStoredCart(db, owner);
      await addToStoredCart(
        db,
        owner,
        [...new Map(lines.map((product) => [product.sku, product])).values()].map((product) => ({
          sku: product.sku,
          quantity: product.salesUnitAmount,
        })),
      );
      const before = await readCart(db, owner);
      const context = (timeoutMs: number, later = 0): SendContext => ({
        db,
        upstream: new UpstreamClient(
          { baseUrl: sim.url, token: adminToken, timeoutMs, readAttempts: 2, sleep: async () => {} },
          "/media",
        ),
        owner,
        actor: { name: "Wendy Groothandel", customerCode: "WH00001" },
        actingForCustomer: customer,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 25))),
        waitForOtherMs: 5_000,
        now: () => Date.now() + later,
      });
      const input = (): CheckoutInput => ({
        attemptId: newAttemptId(),
        reference: `FAULTS-${i}`,
        notes: "",
        test: true,
        delivery: "own",
        ...EMPTY_DROPSHIP,
      });

      const faults = faultsFor(scenario);
      if (faults) await sim.control("POST", "faults", faults);
      const first = input();
      const attemptIds = [first.attemptId];
      let outcomes: CheckoutOutcome[];
      const timeout =
        scenario === "hang-past-timeout" || scenario === "flaky-20-percent" || scenario === "commit-late" ? 400 : 3_000;
      if (scenario === "double-click") {
        outcomes = await Promise.all([sendOnce(context(timeout), first), sendOnce(context(timeout), first)]);
      } else if (scenario === "second-tab") {
        const other = input();
        attemptIds.push(other.attemptId);
        outcomes = await Promise.all([sendOnce(context(timeout), first), sendOnce(context(timeout), other)]);
      } else {
        outcomes = [await sendOnce(context(timeout), first)];
      }
      await sim.control("DELETE", "faults");
      const firstKind = outcomes[0]!.kind;
      counts.firstOutcome[firstKind] = (counts.firstOutcome[firstKind] ?? 0) + 1;

      // Not placed: the cart must be exactly as it was.
      const placedNow = outcomes.some((outcome) => outcome.kind === "placed");
      let lost = false;
      if (!placedNow) {
        const after = await readCart(db, owner);
        lost =
          JSON.stringify(after.map((l) => [l.sku, l.quantity])) !==
          JSON.stringify(before.map((l) => [l.sku, l.quantity]));
      }

      // A late order arrives (commit-late): the wholesaler's delay, before the dealer's retries.
      if (scenario === "commit-late") await new Promise((resolve) => setTimeout(resolve, 1_200));
      // The dealer tries again a minute later (same attempt, as the checkout page does) until the order is settled.
      let settled = placedNow;
      for (let retry = 0; retry < 4 && !settled; retry++) {
        const again = await sendOnce(context(3_000, UNANSWERED_SEND_SETTLES_MS), first);
        settled = again.kind === "placed" || again.kind === "empty-cart";
      }
      if (placedNow) counts.placedAtOnce++;
      else if (settled) counts.placedAfterRetry++;
      else counts.neverSettled++;

      const orders = (await sim.control<{ notes: string | null; customer_code: string }[]>("GET", "orders")).filter(
        (order) => order.customer_code === customer,
      );
      const ours = orders.filter((order) => attemptIds.some((id) => order.notes?.includes(attemptMarker(id)))).length;
      // Settled as placed but nothing at the wholesaler: the cart was emptied for nothing.
      if (settled && ours === 0) lost = true;
      counts.attempts++;
      counts.ordersCreated += ours;
      const duplicates = Math.max(0, ours - 1);
      counts.duplicates += duplicates;
      if (lost) counts.lostCarts++;
      const entry = (counts.byScenario[scenario] ??= { attempts: 0, duplicates: 0, lostCarts: 0 });
      entry.attempts++;
      entry.duplicates += duplicates;
      if (lost) entry.lostCarts++;
      if ((i + 1) % 50 === 0)
        console.log(
          `${i + 1}/${ATTEMPTS} attempts: ${counts.ordersCreated} orders, ${counts.duplicates} duplicates, ${counts.lostCarts} lost carts`,
        );
    }

    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const result = {
      when: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      seconds,
      ...counts,
    };
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/faults.json", `${JSON.stringify(result, null, 2)}\n`);
    const rows = Object.entries(counts.byScenario)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `| ${name} | ${value.attempts} | ${value.duplicates} | ${value.lostCarts} |`);
    writeFileSync(
      "bench/faults.md",
      [
        "# Checkout under faults (`npm run test:faults`)",
        "",
        `${result.when} · ${result.machine} · ${seconds} s`,
        "",
        `- attempts: ${counts.attempts}`,
        `- orders created: ${counts.ordersCreated} (placed at once ${counts.placedAtOnce}, after a retry ${counts.placedAfterRetry}, never settled ${counts.neverSettled})`,
        `- duplicates: **${counts.duplicates}**`,
        `- lost carts: **${counts.lostCarts}**`,
        `- first outcomes: ${Object.entries(counts.firstOutcome)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(", ")}`,
        "",
        "| scenario | attempts | duplicates | lost carts |",
        "|---|---|---|---|",
        ...rows,
        "",
      ].join("\n"),
    );
    console.log(
      `\n${counts.attempts} attempts in ${seconds} s: ${counts.ordersCreated} orders created, ${counts.duplicates} duplicates, ${counts.lostCarts} lost carts, ${counts.neverSettled} never settled`,
    );
    console.log(`first outcomes: ${JSON.stringify(counts.firstOutcome)}`);
    if (counts.duplicates || counts.lostCarts || counts.neverSettled) process.exitCode = 1;
  } finally {
    await handle.close();
    await sim.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
