import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { upsertProducts } from "@/lib/catalogue/store/products";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import type { Product } from "@/lib/domain/product";
import { UpstreamClient } from "@/lib/upstream";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { addableLines, checkRequestedLines } from "./lines";
import { lineMaximum } from "./quantity";
import { addLinesInput, requestedLinesInput } from "./schemas";

/** Requested lines (quick order, paste, CSV) against a real PGlite mirror filled from the simulator. */
let simulator: RunningSimulator;
let handle: DatabaseHandle;
let orderable: Product;
let blocked: Product | undefined;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, products: 80, seed: "cart-lines" });
  handle = await openMemoryDatabase();
  // Setup only: every product read at once, beside the build in CI on two cores; a slow answer is not what these tests are about.
  const client = new UpstreamClient(
    { baseUrl: simulator.url, token: simulator.sim.options.serviceToken, timeoutMs: 20_000, readAttempts: 1 },
    "/media",
  );
  const details = await Promise.all((await client.productSkus()).map((entry) => client.product(entry.sku)));
  await upsertProducts(handle.db, details, new Map(), new Date());
  orderable = details.find((product) => !product.blocked)!;
  blocked = details.find((product) => product.blocked);
}, 90_000);

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

describe("checkRequestedLines", () => {
  it("says a line with NUL, control characters or a lone surrogate is unreadable, and checks the other lines", async () => {
    const reports = await checkRequestedLines(handle.db, [
      { line: 1, identifier: `${orderable.sku}\u0000`, quantity: null },
      { line: 2, identifier: "\u0000A\u0000B\u0000", quantity: 2 },
      { line: 3, identifier: "AB\uD800", quantity: null },
      { line: 4, identifier: "\uDC00", quantity: null },
      { line: 5, identifier: "AB\u001bC", quantity: null },
      { line: 6, identifier: orderable.sku, quantity: null },
    ]);
    expect(reports.map((report) => report.outcome)).toEqual([
      "unreadable",
      "unreadable",
      "unreadable",
      "unreadable",
      "unreadable",
      "added",
    ]);
    // What is shown back holds no NUL or broken character.
    expect(reports[1]!.identifier).toBe("\uFFFDA\uFFFDB\uFFFD");
    expect(reports[2]!.identifier).toBe("AB\uFFFD");
    expect(addableLines(reports)).toEqual([
      { sku: orderable.sku, quantity: orderable.salesUnitAmount, maximum: lineMaximum(orderable.salesUnitAmount) },
    ]);
  });

  it("a whole UTF-16 file read as UTF-8 text: every line is reported unreadable, nothing fails", async () => {
    const lines = Array.from({ length: 50 }, (_, index) => ({
      line: index + 1,
      identifier: [...`AB-${index}`].join("\u0000"),
      quantity: 1,
    }));
    const reports = await checkRequestedLines(handle.db, lines);
    expect(new Set(reports.map((report) => report.outcome))).toEqual(new Set(["unreadable"]));
  });

  it("uses the catalogue's orderable rule: a blocked product and an unknown SKU are not added", async () => {
    const reports = await checkRequestedLines(handle.db, [
      ...(blocked ? [{ line: 1, identifier: blocked.sku, quantity: null }] : []),
      { line: 2, identifier: "NO-SUCH-SKU-123", quantity: null },
    ]);
    expect(reports.map((report) => report.outcome)).toEqual([...(blocked ? ["blocked"] : []), "unknown"]);
    expect(addableLines(reports)).toEqual([]);
  });
});

describe("a quantity above what a line holds", () => {
  it("is checked, not refused, and reported capped at 100,000 (below what was asked), never above", async () => {
    const requested = { lines: [{ line: 1, identifier: orderable.sku, quantity: 250_000 }] };
    const parsed = requestedLinesInput.safeParse(requested);
    expect(parsed.success).toBe(true);
    const [report] = await checkRequestedLines(handle.db, parsed.data!.lines);
    expect(report).toMatchObject({ outcome: "rounded", requested: 250_000 });
    expect(report!.quantity).toBeLessThanOrEqual(100_000);
    expect(report!.quantity).toBeGreaterThan(100_000 - orderable.salesUnitAmount);
    expect(addLinesInput.safeParse({ lines: addableLines([report!]), source: "paste" }).success).toBe(true);
  });
});

describe("the inputs of the cart's actions", () => {
  it("refuse a 1 MB identifier or SKU and a NUL in a SKU, as validation, before anything is read", () => {
    const huge = "A".repeat(1024 * 1024);
    expect(requestedLinesInput.safeParse({ lines: [{ line: 1, identifier: huge, quantity: null }] }).success).toBe(
      false,
    );
    expect(addLinesInput.safeParse({ lines: [{ sku: huge, quantity: 1 }], source: "paste" }).success).toBe(false);
    expect(addLinesInput.safeParse({ lines: [{ sku: "AB\u0000", quantity: 1 }], source: "paste" }).success).toBe(false);
  });
});
