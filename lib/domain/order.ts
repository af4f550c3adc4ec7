import type { Company } from "./company";

/**
 * Order statuses of the upstream, normalised. The reference lists `error`,
 * `processing`, `in-m3`, `m3-error`, `shipped`, `canceled`, `complete`, shows
 * `pending` in examples, and the status endpoint answers capitalised (`Processing`).
 */
export const ORDER_STATUSES = [
  "pending",
  "processing",
  "in-m3",
  "shipped",
  "complete",
  "canceled",
  "error",
  "m3-error",
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number] | "unknown";

/** Statuses the upstream's `status[]` filter accepts. */
export const FILTERABLE_STATUSES = ORDER_STATUSES.filter((status) => status !== "pending");

const ALIASES: Record<string, OrderStatus> = {
  cancelled: "canceled",
  completed: "complete",
  "in m3": "in-m3",
  inm3: "in-m3",
  in_m3: "in-m3",
  "m3 error": "m3-error",
  m3error: "m3-error",
  m3_error: "m3-error",
};

export function normaliseOrderStatus(raw: string): OrderStatus {
  const value = raw.trim().toLowerCase();
  if ((ORDER_STATUSES as readonly string[]).includes(value)) return value as OrderStatus;
  return ALIASES[value] ?? "unknown";
}

/** A final order no longer changes: its status needs no refreshing. */
export function isFinalStatus(status: OrderStatus): boolean {
  return status === "complete" || status === "canceled";
}

export interface OrderLine {
  title: string | null;
  barcode: string | null;
  sku: string;
  salesUnit: string | null;
  priceUnit: string | null;
  salesUnitAmount: number;
  quantity: number;
  /** List price per price unit, excluding VAT. */
  listPrice: number | null;
  discount: number | null;
  reference: string | null;
  customerPrice: number | null;
  soldPrice: number | null;
  vatRate: number | null;
}

export interface Shipment {
  createdAt: Date | null;
  shipmentId: string;
  courier: string;
  pieceNumber: number | null;
  trackerCode: string;
}

export interface DeliveryAddress {
  firstName: string | null;
  lastName: string | null;
  street: string | null;
  number: string | null;
  addition: string | null;
  street2: string | null;
  number2: string | null;
  addition2: string | null;
  city: string | null;
  postcode: string | null;
  country: string | null;
  phone: string | null;
  deliveryNote: string | null;
}

/**
 * An order id as the upstream sends it: opaque text (a numeric id is its
 * decimal text, `100123`; others look like `ORD123456`). Never compared or
 * sorted as a number.
 */
export type OrderId = string;

export interface Order {
  id: OrderId;
  updatedAt: Date | null;
  /**
   * When the order was placed, where the portal knows it: the wholesaler's created_at of an order
   * the portal placed (kept with its checkout attempt). The upstream's order reads carry no such date.
   */
  placedAt?: Date | null;
  status: OrderStatus;
  /** The upstream's own word, for statuses the portal does not know. */
  statusRaw: string;
  creatorName: string | null;
  customer: Company | null;
  dropship: boolean;
  vatNumber: string | null;
  companyName: string | null;
  reference: string | null;
  notes: string | null;
  test: boolean;
  billingAddress: DeliveryAddress | null;
  shippingAddress: DeliveryAddress | null;
  lines: OrderLine[];
  shipments: Shipment[];
}

export interface OrderStatusReport {
  status: OrderStatus;
  statusRaw: string;
  updatedAt: Date | null;
}

/** What the upstream answers to a new order. Its id may be a string, even a non-numeric one. */
export interface CreatedOrder {
  id: OrderId;
  status: OrderStatus;
  createdAt: Date | null;
}
