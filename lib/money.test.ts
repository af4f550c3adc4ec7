import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { PriceTier } from "@/lib/domain/product";
import { priceLine, vatTotals } from "@/lib/cart/pricing";
import { orderTotals } from "@/lib/orders/totals";
import { line } from "@/tests/fixtures/orders";

import { lineAmounts, lineCents, roundMoney, toCents, totalsByRate, vatCents } from "./money";

/*
 * The reference: integers only. A unit price is `milli` thousandths of a euro (up to three
 * decimals, as the upstream sends), a VAT rate `rateTenths` tenths of a percent. Half up is
 * floor((2n + d) / 2d) for non-negative n.
 */
const halfUp = (numerator: bigint, denominator: bigint) => (numerator * 2n + denominator) / (denominator * 2n);
const refLineCents = (milli: number, quantity: number) => halfUp(BigInt(milli) * BigInt(quantity), 10n);
const refVatCents = (netCents: bigint, rateTenths: number) => halfUp(netCents * BigInt(rateTenths), 1000n);

const milliPrice = fc.integer({ min: 0, max: 5_000_000 });
const quantity = fc.integer({ min: 1, max: 100_000 });
const rateTenths = fc.constantFrom(0, 50, 55, 60, 90, 190, 200, 210, 255);
const asAmount = (milli: number) => Number((milli / 1000).toFixed(3));

describe("rounding half up to cents", () => {
  it("rounds the known cases up, where floating point rounds them down", () => {
    expect(roundMoney(2.135)).toBe(2.14);
    expect(roundMoney(0.427 * 5)).toBe(2.14);
    expect(lineCents(0.427, 5)).toBe(214);
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(2.675)).toBe(2.68);
    expect(roundMoney(-2.135)).toBe(-2.14);
    expect(toCents(1e-7)).toBe(0);
    expect(toCents(1e12)).toBe(1e14);
    expect(() => toCents(1e21)).toThrow(RangeError);
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
  });

  it("rounds every half cent of 0.00 … 1,000.00 up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (cents) => {
        const halfCent = Number(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}5`);
        expect(toCents(halfCent)).toBe(cents + 1);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("lines and VAT against a BigInt reference", () => {
  it("a line is price × quantity rounded half up once", () => {
    fc.assert(
      fc.property(milliPrice, quantity, (milli, qty) => {
        expect(lineCents(asAmount(milli), qty)).toBe(Number(refLineCents(milli, qty)));
      }),
      { numRuns: 1_000 },
    );
  });

  it("VAT on a net amount is rounded half up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), rateTenths, (net, rate) => {
        expect(vatCents(net, rate / 10)).toBe(Number(refVatCents(BigInt(net), rate)));
      }),
      { numRuns: 1_000 },
    );
  });

  it("a line's amount incl. VAT is its net plus its VAT", () => {
    fc.assert(
      fc.property(milliPrice, quantity, rateTenths, (milli, qty, rate) => {
        const net = refLineCents(milli, qty);
        const vat = refVatCents(net, rate);
        expect(lineAmounts(asAmount(milli), qty, rate / 10)).toEqual({
          exVat: Number(net) / 100,
          vat: Number(vat) / 100,
          incVat: Number(net + vat) / 100,
        });
      }),
      { numRuns: 1_000 },
    );
  });
});

const tierArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 })
  .chain((minimums) =>
    fc.tuple(
      fc.constant([1, ...minimums.filter((m) => m !== 1)]),
      fc.array(milliPrice, { minLength: minimums.length + 1, maxLength: minimums.length + 1 }),
      rateTenths,
    ),
  );

describe("cart and order totals against the reference", () => {
  it("a cart line takes the tier of its quantity; totals are per rate, VAT on the summed net", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tierArb, fc.integer({ min: 1, max: 500 })), { minLength: 0, maxLength: 6 }),
        (lines) => {
          const refNet = new Map<number, bigint>();
          const views = lines.map(([[minimums, prices, rate], qty]) => {
            const tiers: PriceTier[] = minimums.map((minQuantity, index) => ({
              minQuantity,
              exVat: asAmount(prices[index]!),
              incVat: 0,
              vatAmount: 0,
              vatRate: rate / 10,
              priceOnDemand: false,
            }));
            const chosen = minimums
              .map((minimum, index) => ({ minimum, milli: prices[index]! }))
              .filter((tier) => tier.minimum <= qty)
              .sort((a, b) => b.minimum - a.minimum)[0]!;
            const net = refLineCents(chosen.milli, qty);
            refNet.set(rate, (refNet.get(rate) ?? 0n) + net);
            const priced = priceLine({ quantity: qty, prices: tiers, priceOnDemand: false });
            expect(priced.unitExVat).toBe(asAmount(chosen.milli));
            expect(priced.totalExVat).toBe(Number(net) / 100);
            return priced;
          });
          const totals = vatTotals(views);
          let ex = 0n;
          let vat = 0n;
          for (const [rate, net] of refNet) {
            ex += net;
            vat += refVatCents(net, rate);
          }
          expect(totals.exVat).toBe(Number(ex) / 100);
          expect(totals.vat).toBe(Number(vat) / 100);
          expect(totals.incVat).toBe(Number(ex + vat) / 100);
          expect(totals.byRate.map((group) => group.vatRate)).toEqual(
            [...refNet.keys()].sort((a, b) => b - a).map((rate) => rate / 10),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("order totals agree with the reference and count the lines without a price", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(milliPrice, { nil: null }), quantity, rateTenths), { maxLength: 8 }),
        (lines) => {
          const totals = orderTotals(
            lines.map(([milli, qty, rate]) =>
              line({ soldPrice: milli === null ? null : asAmount(milli), quantity: qty, vatRate: rate / 10 }),
            ),
          );
          const refNet = new Map<number, bigint>();
          for (const [milli, qty, rate] of lines) {
            if (milli !== null) refNet.set(rate, (refNet.get(rate) ?? 0n) + refLineCents(milli, qty));
          }
          const ex = [...refNet.values()].reduce((sum, net) => sum + net, 0n);
          const vat = [...refNet.entries()].reduce((sum, [rate, net]) => sum + refVatCents(net, rate), 0n);
          expect(totals.exVat).toBe(Number(ex) / 100);
          expect(totals.vat).toBe(Number(vat) / 100);
          expect(totals.unpriced).toBe(lines.filter(([milli]) => milli === null).length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a group of unknown rate has no VAT and makes the VAT total unknown", () => {
    expect(
      totalsByRate([
        { exVat: 10, vatRate: null },
        { exVat: 1.5, vatRate: 21 },
      ]),
    ).toEqual({
      byRate: [
        { vatRate: 21, exVat: 1.5, vat: 0.32, incVat: 1.82 },
        { vatRate: null, exVat: 10, vat: null, incVat: null },
      ],
      exVat: 11.5,
      vat: null,
      incVat: null,
    });
  });
});
