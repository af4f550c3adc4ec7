import { activeCustomer, isStaff } from "@/lib/acting/policy";
import type { Order } from "@/lib/domain/order";

type Reader = { permissions: readonly string[]; customerCode: string; activeCustomerCode: string };

const isActive = (reader: Reader, code: string) => code.toUpperCase() === activeCustomer(reader).toUpperCase();

/**
 * Whether an order read by its id is shown as the active customer's: it names that customer, or it
 * names none (the wholesaler's OpenAPI marks `customer` required, yet an answer may lack it). A
 * dealer's token reads only the dealer's orders; staff may read every customer's, and reach such an
 * order from the list of the customer they act for.
 */
export function isShownAsActiveCustomers(reader: Reader, order: Pick<Order, "customer">): boolean {
  return !order.customer || isActive(reader, order.customer.code);
}

/**
 * Whether the prices of an order read by its id are kept as the active customer's (last price paid,
 * bought before, shown to everyone of that customer). One that names no customer is kept only when
 * a dealer read it: read by staff, whose token reads every customer's orders, it could be anyone's.
 */
export function keepsPricesAsActiveCustomers(reader: Reader, order: Pick<Order, "customer">): boolean {
  if (!order.customer) return !isStaff(reader);
  return isActive(reader, order.customer.code);
}
