import { PERMISSION_COMPANIES } from "@/lib/domain/user";

/**
 * The one home of who may act for whom. Every page, action, route and use case asks here; none
 * reads a permission itself.
 */

type Who = { permissions: readonly string[]; customerCode: string; activeCustomerCode: string };

/** Wholesaler staff: the upstream's `companies` permission. */
export function isStaff(who: Pick<Who, "permissions">): boolean {
  return who.permissions.includes(PERMISSION_COMPANIES);
}

/**
 * The other customer staff act for, or undefined when the person acts for their own customer.
 * Sent as `customercode` with orders and `customer_id` with order reads; written to the audit log.
 */
export function actingFor(who: Who): string | undefined {
  if (!isStaff(who)) return undefined;
  return who.activeCustomerCode !== who.customerCode ? who.activeCustomerCode : undefined;
}

/** The customer whose cart, orders and prices a person sees: their own unless staff switched. */
export function activeCustomer(who: Who): string {
  return actingFor(who) ?? who.customerCode;
}

/** Test orders (the upstream's `test` flag): staff, or everyone on a demo installation. */
export function mayPlaceTestOrders(who: Pick<Who, "permissions">, demoMode: boolean): boolean {
  return isStaff(who) || demoMode;
}

/** Whether a person may switch to act for `code`: staff for any code, everyone else only to their own. */
export function maySwitchTo(who: Pick<Who, "permissions" | "customerCode">, code: string): boolean {
  return isStaff(who) || code.toUpperCase() === who.customerCode.toUpperCase();
}

/** A URL or input naming a customer: only staff may name one other than their own. */
export function mayName(who: Pick<Who, "permissions" | "customerCode">, code: string): boolean {
  return maySwitchTo(who, code.trim());
}
