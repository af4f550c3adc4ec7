import { describe, expect, it } from "vitest";

import { isActiveCustomersOrder } from "./whose-order";

/** Whose an order read from the wholesaler is: only the active customer's is shown and has its prices kept. */
const dealer = { permissions: [], customerCode: "EA00001", activeCustomerCode: "EA00001" };
const staff = { permissions: ["companies"], customerCode: "WS00001", activeCustomerCode: "EA00001" };
const of = (code: string) => ({ customer: { code } as never });

describe("isActiveCustomersOrder", () => {
  it("an order naming its customer is shown to whoever acts for that customer, in any letter case", () => {
    expect(isActiveCustomersOrder(dealer, of("EA00001"))).toBe(true);
    expect(isActiveCustomersOrder(dealer, of("ea00001"))).toBe(true);
    expect(isActiveCustomersOrder(staff, of("EA00001"))).toBe(true);
    expect(isActiveCustomersOrder(dealer, of("EA00002"))).toBe(false);
    expect(isActiveCustomersOrder(staff, of("EA00002"))).toBe(false);
  });

  it("an order naming no customer is the dealer's own, but not the customer staff act for: staff read every customer's", () => {
    expect(isActiveCustomersOrder(dealer, { customer: null })).toBe(true);
    expect(isActiveCustomersOrder(staff, { customer: null })).toBe(false);
    expect(isActiveCustomersOrder({ ...staff, activeCustomerCode: "WS00001" }, { customer: null })).toBe(false);
  });
});
