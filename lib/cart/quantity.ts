/**
 * Quantities count price units; a product is sold in multiples of its sales
 * unit amount (a box of 10 goes 10, 20, 30). See ../shared/upstream-api.md.
 */

import { MAX_LINE_QUANTITY } from "./line-limit";

export { MAX_LINE_QUANTITY };

/** The most one line of a product holds: the largest whole number of sales units up to MAX_LINE_QUANTITY. */
export function lineMaximum(salesUnitAmount: number): number {
  const unit = Math.max(1, Math.floor(salesUnitAmount));
  return Math.floor(MAX_LINE_QUANTITY / unit) * unit;
}

/** The smallest valid quantity at or above `wanted`: a whole number of sales units, at least one. */
export function roundToSalesUnit(wanted: number, salesUnitAmount: number): number {
  const unit = Math.max(1, Math.floor(salesUnitAmount));
  if (!Number.isFinite(wanted) || wanted <= 0) return unit;
  const rounded = Math.ceil(Math.ceil(wanted - 1e-9) / unit) * unit;
  return Math.min(rounded, lineMaximum(unit));
}

/** One step of the quantity stepper up or down, never below one sales unit. */
export function stepQuantity(current: number, salesUnitAmount: number, direction: 1 | -1): number {
  const unit = Math.max(1, Math.floor(salesUnitAmount));
  const aligned = roundToSalesUnit(current, unit);
  return Math.max(unit, Math.min(aligned + direction * unit, Math.floor(MAX_LINE_QUANTITY / unit) * unit));
}

export function isValidQuantity(quantity: number, salesUnitAmount: number): boolean {
  const unit = Math.max(1, Math.floor(salesUnitAmount));
  return Number.isInteger(quantity) && quantity >= unit && quantity % unit === 0 && quantity <= MAX_LINE_QUANTITY;
}
