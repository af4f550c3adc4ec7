import { describe, expect, it } from "vitest";

import { parseOrderList } from "./order-list-parser";

const pairs = (text: string) => parseOrderList(text).entries.map((entry) => [entry.identifier, entry.quantity]);

describe("parseOrderList", () => {
  it("reads tab-separated lines copied from a spreadsheet", () => {
    expect(pairs("0108001\t10\nA0009953\t2\n")).toEqual([
      ["0108001", 10],
      ["A0009953", 2],
    ]);
  });

  it("reads semicolons with decimal commas, and commas", () => {
    expect(pairs("0108001;2,5\n0108002;3")).toEqual([
      ["0108001", 2.5],
      ["0108002", 3],
    ]);
    expect(pairs("0108001,4\n0108002,1")).toEqual([
      ["0108001", 4],
      ["0108002", 1],
    ]);
    expect(pairs("0108001,2,5")).toEqual([["0108001", 2.5]]);
  });

  it("reads one SKU a line, and SKU space quantity", () => {
    expect(pairs("0108001\n\n  A0009953  \n")).toEqual([
      ["0108001", null],
      ["A0009953", null],
    ]);
    expect(pairs("0108001 12\nA0009953 1,5")).toEqual([
      ["0108001", 12],
      ["A0009953", 1.5],
    ]);
  });

  it("skips a BOM, Excel's sep= line and a header row, keeping line numbers", () => {
    const parsed = parseOrderList(
      '\uFEFFsep=;\r\n"Artikelnummer";"Aantal"\r\n"0108001";"10"\r\n\r\n"0108002";"1.000"\r\n',
    );
    expect(parsed.headerSkipped).toBe(true);
    expect(parsed.entries).toEqual([
      { line: 3, identifier: "0108001", quantity: 10 },
      { line: 5, identifier: "0108002", quantity: 1000 },
    ]);
  });

  it("reads an Excel CSV with a BOM, a header, CRLF and a trailing line ending", () => {
    const parsed = parseOrderList("\uFEFFArtikelnummer;Aantal\r\n0100001;1\r\nDOES-NOT-EXIST;3\r\n0100002;twee\r\n");
    expect(parsed.headerSkipped).toBe(true);
    expect(parsed.entries).toEqual([
      { line: 2, identifier: "0100001", quantity: 1 },
      { line: 3, identifier: "DOES-NOT-EXIST", quantity: 3 },
    ]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([4]);
  });

  it("follows a header that puts the quantity first", () => {
    expect(pairs("qty,sku\n5,0108001")).toEqual([["0108001", 5]]);
  });

  it("reports lines whose quantity cannot be read", () => {
    const parsed = parseOrderList("0108001;ten\n0108002;-3\n0108003;0\n0108004;7");
    expect(parsed.problems.map((problem) => problem.line)).toEqual([1, 2, 3]);
    expect(parsed.entries).toEqual([{ line: 4, identifier: "0108004", quantity: 7 }]);
  });

  it("handles quotes with separators inside", () => {
    expect(pairs('"A;01";"2"')).toEqual([["A;01", 2]]);
  });

  it("reads 1,000 lines quickly", () => {
    const text = Array.from({ length: 1000 }, (_, index) => `${String(index).padStart(7, "0")}\t${index + 1}`).join(
      "\n",
    );
    const parsed = parseOrderList(text);
    expect(parsed.entries).toHaveLength(1000);
    expect(parsed.entries[999]).toEqual({ line: 1000, identifier: "0000999", quantity: 1000 });
  });
});
