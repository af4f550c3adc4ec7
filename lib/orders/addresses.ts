import type { Order } from "@/lib/domain/order";

/**
 * Whose company goes on which address of an order. The upstream's order has one `company`: the
 * dealer's own name, or, on a drop-shipped order, the end customer's company the dealer typed (the
 * dealer's name again when none was typed). The delivery address names the company it goes to;
 * billing is always the dealer's (the order's customer).
 */
export function deliveryCompany(order: Pick<Order, "dropship" | "companyName" | "customer">): string | null {
  const company = order.companyName?.trim() || null;
  if (!order.dropship) return company ?? order.customer?.name ?? null;
  // Drop-shipped without an end customer's company: the order's company is the dealer's own name.
  if (company && order.customer && company.toLowerCase() === order.customer.name.trim().toLowerCase()) return null;
  return company;
}

/** The billing address's company: the dealer's (the order's customer), never the end customer's. */
export function billingCompany(order: Pick<Order, "dropship" | "companyName" | "customer">): string | null {
  return order.customer?.name ?? (order.dropship ? null : order.companyName);
}
