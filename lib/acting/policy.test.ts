import { describe, expect, it } from "vitest";

import { actingFor, activeCustomer, isStaff, mayName, mayPlaceTestOrders, maySwitchTo } from "./policy";

const dealer = { permissions: [], customerCode: "EA00001", activeCustomerCode: "EA00001" };
const staff = { permissions: ["companies"], customerCode: "WH00001", activeCustomerCode: "WH00001" };

describe("the acting policy", () => {
  it("staff are those with the companies permission", () => {
    expect(isStaff(staff)).toBe(true);
    expect(isStaff(dealer)).toBe(false);
    expect(isStaff({ permissions: ["Companies", "orders"] })).toBe(false);
  });

  it("staff act for the customer they switched to; a dealer always for their own", () => {
    expect(actingFor(staff)).toBeUndefined();
    expect(actingFor({ ...staff, activeCustomerCode: "EA00002" })).toBe("EA00002");
    expect(activeCustomer({ ...staff, activeCustomerCode: "EA00002" })).toBe("EA00002");
    // A dealer's session that somehow names another customer still acts for their own.
    expect(actingFor({ ...dealer, activeCustomerCode: "EA00002" })).toBeUndefined();
    expect(activeCustomer({ ...dealer, activeCustomerCode: "EA00002" })).toBe("EA00001");
  });

  it("only staff may switch to or name another customer; anyone may name their own", () => {
    expect(maySwitchTo(staff, "EA00002")).toBe(true);
    expect(maySwitchTo(dealer, "EA00002")).toBe(false);
    expect(maySwitchTo(dealer, "ea00001")).toBe(true);
    expect(mayName(dealer, " EA00001 ")).toBe(true);
    expect(mayName(dealer, "EA00001X")).toBe(false);
  });

  it("test orders: staff, or everyone on a demo installation", () => {
    expect(mayPlaceTestOrders(staff, false)).toBe(true);
    expect(mayPlaceTestOrders(dealer, false)).toBe(false);
    expect(mayPlaceTestOrders(dealer, true)).toBe(true);
  });
});
