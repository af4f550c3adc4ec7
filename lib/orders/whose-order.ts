import { activeCustomer, isStaff } from "@/lib/acting/policy";
import type { Order } from "@/lib/domain/order";

type Reader = { permissions: readonly string[]; customerCode: string; activeCustomerCode: string };

/**
 * Whether an order read from the wholesaler may be shown, and its prices kept, as the active
 * customer's. An order that names its customer must name the active one. One that names none (the
 * wholesaler's OpenAPI marks `customer` required, yet an answer may lack it) is the dealer's own when
 * a dealer read it, as a dealer's token reads only the dealer's orders; read by staff, whose token
 * reads every customer's, it could be anyone's, and is not shown as the customer they act for.
 */
export function isActiveCustomersOrder(reader: Reader, order: Pick<Order, "customer">): boolean {
  if (!order.customer) return !isStaff(reader);
  return order.customer.code.toUpperCase() === activeCustomer(reader).toUpperCase();
}
