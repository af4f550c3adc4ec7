/** List prices with volume tiers, and what an order line is charged. */

export interface PriceTier {
  seller: number;
  exvat: number;
  incvat: number;
  vatamount: number;
  minqty: number;
  priceOnDemand: boolean;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A tier whose incvat = exvat + vatamount exactly (to the cent). */
export function priceTier(exvat: number, vatRate: number, minqty: number, priceOnDemand = false): PriceTier {
  if (priceOnDemand) return { seller: 0, exvat: 0, incvat: 0, vatamount: 0, minqty, priceOnDemand };
  // In whole cents, so half-cent VAT rounds up exactly (85.50 at 21 % is 17.96).
  const netCents = Math.round(exvat * 100);
  const vatCents = Math.round((netCents * vatRate) / 100);
  return {
    seller: 0,
    exvat: netCents / 100,
    incvat: (netCents + vatCents) / 100,
    vatamount: vatCents / 100,
    minqty,
    priceOnDemand,
  };
}

/** The tier that applies to `amount`: the highest minqty not above it (the lowest tier otherwise). */
export function tierFor(tiers: readonly PriceTier[], amount: number): PriceTier | undefined {
  let best: PriceTier | undefined;
  for (const tier of tiers) {
    if (tier.minqty <= amount && (!best || tier.minqty > best.minqty)) best = tier;
  }
  return best ?? tiers.reduce<PriceTier | undefined>((low, t) => (!low || t.minqty < low.minqty ? t : low), undefined);
}

/** A list price ending the way shops price things: .95, .99, .50 or round. */
export function shelfPrice(value: number, ending: number): number {
  const endings = [0.95, 0.99, 0.5, 0] as const;
  return Math.max(0.5, Math.floor(value) + (endings[ending % endings.length] ?? 0));
}
