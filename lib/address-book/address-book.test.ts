import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";

import { deleteAddress, listAddresses, saveAddress, saveCheckoutAddress, showAddress, updateAddress } from "./book";
import { MAX_ADDRESSES, type AddressBookSession } from "./owner";
import { validateAddress } from "./schema";

/** The drop-ship address book per customer code, against a real PGlite database. */
let handle: DatabaseHandle;

const dealer: AddressBookSession = {
  email: "dealer@acme.example",
  name: "Daan de Vries",
  customerCode: "EA00001",
  activeCustomerCode: "EA00001",
  permissions: [],
};
const colleague: AddressBookSession = { ...dealer, email: "colleague@acme.example", name: "Kees" };
const otherDealer: AddressBookSession = {
  email: "limited@bakker.example",
  name: "Bram Bakker",
  customerCode: "EA00002",
  activeCustomerCode: "EA00002",
  permissions: [],
};
const staff: AddressBookSession = {
  email: "admin@wholesaler.example",
  name: "Wendy",
  customerCode: "WS00001",
  activeCustomerCode: "WS00001",
  permissions: ["companies"],
};

const janssen = {
  firstName: "Piet",
  lastName: "Janssen",
  company: "Camping De Kreek",
  vatNumber: "NL 123456789 B01",
  phone: "+31 20 123 4567",
  street: "Dorpsstraat",
  houseNumber: "12",
  houseNumberExtension: "",
  postcode: "1234 ab",
  city: "Zandvoort",
  country: "NL",
};

beforeAll(async () => {
  handle = await openMemoryDatabase();
}, 180_000);

afterAll(async () => {
  await handle?.close();
});

describe("address book", () => {
  it("keeps an address in the wholesaler's form and shares it with the customer's other users", async () => {
    const saved = await saveAddress(dealer, janssen, handle.db);
    expect(saved).toMatchObject({ ok: true, existed: false });
    if (!saved.ok) throw new Error("not saved");
    const shown = await showAddress(colleague, { id: saved.id }, handle.db);
    expect(shown?.address).toMatchObject({ postcode: "1234AB", vatNumber: "NL123456789B01", city: "Zandvoort" });
    expect((await listAddresses(colleague, {}, handle.db)).addresses.map((entry) => entry.id)).toEqual([saved.id]);
    // The same address saved again (another checkout) is not kept twice.
    expect(await saveAddress(colleague, { ...janssen, postcode: "1234AB" }, handle.db)).toMatchObject({
      ok: true,
      id: saved.id,
      existed: true,
    });
  });

  it("another customer neither sees, reads, changes nor deletes it", async () => {
    const [entry] = (await listAddresses(dealer, {}, handle.db)).addresses;
    const id = entry!.id;
    expect((await listAddresses(otherDealer, {}, handle.db)).addresses).toEqual([]);
    expect(await showAddress(otherDealer, { id }, handle.db)).toBeNull();
    expect(await updateAddress(otherDealer, { id, ...janssen, city: "Elders" }, handle.db)).toEqual({
      ok: false,
      error: "not-found",
    });
    // An invalid change to another customer's id is not found either (nothing of it is judged).
    expect(await updateAddress(otherDealer, { id, ...janssen, postcode: "x" }, handle.db)).toEqual({
      ok: false,
      error: "not-found",
    });
    expect(await deleteAddress(otherDealer, { id }, handle.db)).toEqual({ ok: false, error: "not-found" });
    expect((await showAddress(dealer, { id }, handle.db))?.address.city).toBe("Zandvoort");
    // A session naming the customer without the staff permission is still its own customer.
    const forged = { ...otherDealer, activeCustomerCode: "EA00001" };
    expect(await showAddress(forged, { id }, handle.db)).toBeNull();
  });

  it("staff acting for a customer see and change that customer's book, not their own", async () => {
    const acting = { ...staff, activeCustomerCode: "EA00001" };
    const [entry] = (await listAddresses(acting, {}, handle.db)).addresses;
    expect(entry?.address.lastName).toBe("Janssen");
    expect(await updateAddress(acting, { id: entry!.id, ...janssen, city: "Haarlem" }, handle.db)).toMatchObject({
      ok: true,
    });
    expect((await showAddress(dealer, { id: entry!.id }, handle.db))?.address.city).toBe("Haarlem");
    expect((await listAddresses(staff, {}, handle.db)).addresses).toEqual([]);
  });

  it("is searched by name, company and city, not by street", async () => {
    await saveAddress(
      dealer,
      { ...janssen, firstName: "Anna", lastName: "Visser", company: "", city: "Utrecht" },
      handle.db,
    );
    const names = async (query: string) =>
      (await listAddresses(dealer, { query }, handle.db)).addresses.map((entry) => entry.address.lastName);
    expect(await names("visser")).toEqual(["Visser"]);
    expect(await names("KREEK")).toEqual(["Janssen"]);
    expect(await names("utrecht")).toEqual(["Visser"]);
    expect(await names("piet haarlem")).toEqual(["Janssen"]);
    expect(await names("dorpsstraat")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("")).toEqual(["Janssen", "Visser"]);
  });

  it("validates as checkout does: postcode per country, house number, phone, VAT number, lengths", async () => {
    const result = await saveAddress(
      dealer,
      {
        ...janssen,
        postcode: "1234",
        phone: "call me",
        vatNumber: "123",
        houseNumber: "twelve",
        firstName: "",
        lastName: "x".repeat(101),
        city: "Zand\u0000voort",
      },
      handle.db,
    );
    expect(result).toEqual({
      ok: false,
      error: "invalid",
      fields: {
        firstName: "required",
        lastName: "tooLong",
        postcode: "postcodeNL",
        houseNumber: "houseNumber",
        phone: "phone",
        vatNumber: "vatNumber",
        city: "invalidCharacters",
      },
    });
    expect(validateAddress({ ...janssen, country: "BE", postcode: "1000" }).ok).toBe(true);
    expect(validateAddress({ ...janssen, country: "DE", postcode: "1000" })).toEqual({
      ok: false,
      errors: { postcode: "postcodeDE" },
    });
    expect(validateAddress({ ...janssen, country: "FR" })).toMatchObject({ ok: false, errors: { country: "invalid" } });
  });

  it("a malformed or unknown id is not found", async () => {
    expect(await showAddress(dealer, { id: "../../etc" }, handle.db)).toBeNull();
    expect(await showAddress(dealer, { id: "A".repeat(22) }, handle.db)).toBeNull();
    expect(await deleteAddress(dealer, { id: "A".repeat(22) }, handle.db)).toEqual({ ok: false, error: "not-found" });
  });

  it("checkout saves a drop-ship address only when the dealer asked for it", async () => {
    const who: AddressBookSession = { ...dealer, customerCode: "EA00003", activeCustomerCode: "EA00003" };
    expect(
      await saveCheckoutAddress(who, { delivery: "dropship", saveAddress: false, ...janssen }, handle.db),
    ).toBeNull();
    expect(await saveCheckoutAddress(who, { delivery: "own", saveAddress: true, ...janssen }, handle.db)).toBeNull();
    expect((await listAddresses(who, {}, handle.db)).total).toBe(0);
    expect(
      await saveCheckoutAddress(who, { delivery: "dropship", saveAddress: true, ...janssen }, handle.db),
    ).toMatchObject({
      ok: true,
    });
    expect((await listAddresses(who, {}, handle.db)).total).toBe(1);
  });

  it(`holds at most ${MAX_ADDRESSES} addresses per customer; deleting one makes room`, async () => {
    const who: AddressBookSession = { ...dealer, customerCode: "EA00004", activeCustomerCode: "EA00004" };
    for (let index = 0; index < MAX_ADDRESSES; index++) {
      const saved = await saveAddress(who, { ...janssen, lastName: `Janssen ${index}` }, handle.db);
      expect(saved.ok).toBe(true);
    }
    expect(await saveAddress(who, { ...janssen, lastName: "One too many" }, handle.db)).toEqual({
      ok: false,
      error: "limit",
    });
    // Saving one that is already there is still fine.
    expect((await saveAddress(who, { ...janssen, lastName: "Janssen 7" }, handle.db)).ok).toBe(true);
    const view = await listAddresses(who, {}, handle.db);
    expect(view).toMatchObject({ total: MAX_ADDRESSES, limit: MAX_ADDRESSES });
    expect(await deleteAddress(who, { id: view.addresses[0]!.id }, handle.db)).toEqual({ ok: true });
    expect((await saveAddress(who, { ...janssen, lastName: "One too many" }, handle.db)).ok).toBe(true);
    // The other customers' books are untouched by this one's limit.
    expect((await listAddresses(dealer, {}, handle.db)).total).toBe(2);
  });
});
