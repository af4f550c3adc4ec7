import { describe, expect, it } from "vitest";

import { isShownAsActiveCustomers, keepsPricesAsActiveCustomers } from "./whose-order";

/** Whose an order read by its id is: what is shown as the active customer's, and whose prices are kept. */
const dealer = { permissions: [], customerCode: "EA00001", activeCustomerCode: "EA00001" };
const staff = { permissions: ["companies"], customerCode: "WS00001", activeCustomerCode: "EA00001" };
const of = (code: string) => ({ customer: { code } as never });

describe("an order read by its id", () => {
  it("naming its customer is shown, and its prices kept, for whoever acts for that customer, in any letter case", () => {
    for (const reader of [dealer, staff]) {
      expect(isShownAsActiveCustomers(reader, of("ea00001"))).toBe(true);
      expect(keepsPricesAsActiveCustomers(reader, of("EA00001"))).toBe(true);
      expect(isShownAsActiveCustomers(reader, of("EA00002"))).toBe(false);
      expect(keepsPricesAsActiveCustomers(reader, of("EA00002"))).toBe(false);
    }
  });

  it("naming no customer is shown, but its prices are kept only for a dealer: staff read every customer's orders", () => {
    expect(isShownAsActiveCustomers(dealer, { customer: null })).toBe(true);
    expect(keepsPricesAsActiveCustomers(dealer, { customer: null })).toBe(true);
    expect(isShownAsActiveCustomers(staff, { customer: null })).toBe(true);
    expect(keepsPricesAsActiveCustomers(staff, { customer: null })).toBe(false);
    expect(keepsPricesAsActiveCustomers({ ...staff, activeCustomerCode: "WS00001" }, { customer: null })).toBe(false);
  });
});
