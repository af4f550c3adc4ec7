import { describe, expect, it } from "vitest";

import {
  BOM,
  csvDocument,
  csvField,
  fieldSeparator,
  formatDecimal,
  formatStamp,
  ORDER_CSV_COLUMNS,
  ordersCsv,
  safeText,
  type OrderCsvOptions,
} from "./csv";
import { line, order } from "@/tests/fixtures/orders";

/** A small RFC 4180 reader, to check that what we write reads back the same. */
function readCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    i += 1;
    if (quoted) {
      if (char === '"' && next === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      row.push(field);
      field = "";
    } else if (char === "\r" && next === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else {
      field += char;
    }
  }
  return rows;
}

const options = (decimal: "." | ",", locale = "en"): OrderCsvOptions => ({
  decimal,
  locale,
  timeZone: "Europe/Amsterdam",
  headers: Object.fromEntries(ORDER_CSV_COLUMNS.map((column) => [column, column])) as OrderCsvOptions["headers"],
  statusLabel: (status) => status.toUpperCase(),
  yes: "yes",
  no: "no",
});

describe("CSV fields (RFC 4180)", () => {
  it("leaves plain text alone", () => {
    expect(csvField("PO123", ",")).toBe("PO123");
  });

  it("quotes the separator, quotes (doubled), CR and LF", () => {
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
    expect(csvField('12" wheel', ",")).toBe('"12"" wheel"');
    expect(csvField("line 1\nline 2", ",")).toBe('"line 1\nline 2"');
    expect(csvField("a\r\nb", ";")).toBe('"a\r\nb"');
  });

  it("writes a document with a BOM and CRLF after every row", () => {
    expect(
      csvDocument(
        [
          ["a", "b"],
          ["1", "x,y"],
        ],
        ",",
      ),
    ).toBe(`${BOM}a,b\r\n1,"x,y"\r\n`);
  });

  it("keeps text that a spreadsheet would run as a formula as text", () => {
    expect(["=SUM(A1)", "+31 20", "-1", "@cmd", "PO-1"].map(safeText)).toEqual([
      "'=SUM(A1)",
      "'+31 20",
      "'-1",
      "'@cmd",
      "PO-1",
    ]);
    expect(safeText(null)).toBe("");
  });
});

describe("CSV numbers and dates", () => {
  it("writes decimals with a point or a comma, no thousands separator", () => {
    expect(formatDecimal(1234.5, 2, ".")).toBe("1234.50");
    expect(formatDecimal(1234.5, 2, ",")).toBe("1234,50");
    expect(formatDecimal(-0.1, 2, ",")).toBe("-0,10");
    expect(formatDecimal(null, 2, ",")).toBe("");
  });

  it("separates fields with ; when the decimal separator is a comma", () => {
    expect(fieldSeparator(",")).toBe(";");
    expect(fieldSeparator(".")).toBe(",");
  });

  it("writes times in the dealer's zone, sortable", () => {
    expect(formatStamp(new Date("2024-07-01T22:30:00Z"), "Europe/Amsterdam")).toBe("2024-07-02 00:30");
    expect(formatStamp(new Date("2024-01-01T00:05:00Z"), "Europe/Amsterdam")).toBe("2024-01-01 01:05");
    expect(formatStamp(null, "Europe/Amsterdam")).toBe("");
  });
});

describe("orders as CSV", () => {
  const orders = [
    order({
      id: "100001",
      reference: 'PO "spoed"; 1,2',
      notes: "ignored",
      placedAt: new Date("2024-04-30T08:15:00Z"),
      updatedAt: new Date("2024-05-01T10:00:00Z"),
      lines: [
        line({ sku: "A1", title: "Kabel 2,5 mm²\nrood", soldPrice: 1234.5, quantity: 2, vatRate: 21, discount: 10 }),
        line({ sku: "=B2", title: "Zekering", soldPrice: 0.25, quantity: 10, salesUnitAmount: 10, vatRate: 9 }),
      ],
      shipments: [{ courier: "DHL", trackerCode: "JVGL1", shipmentId: "1", pieceNumber: 1, createdAt: null }],
    }),
    order({ id: "100002", reference: null, lines: [], dropship: true }),
  ];

  it("writes one row per line with the order's fields repeated, and a row for an order without lines", () => {
    const text = ordersCsv(orders, options("."));
    expect(text.startsWith(BOM)).toBe(true);
    const rows = readCsv(text.slice(1), ",");
    expect(rows).toHaveLength(4);
    const header = rows[0] ?? [];
    const col = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)];
    expect(rows.slice(1).map((row) => col(row, "orderId"))).toEqual(["100001", "100001", "100002"]);
    expect(col(rows[1], "reference")).toBe('PO "spoed"; 1,2');
    expect(col(rows[2], "reference")).toBe('PO "spoed"; 1,2');
    expect(col(rows[1], "title")).toBe("Kabel 2,5 mm²\nrood");
    expect(col(rows[1], "lineTotalExVat")).toBe("2469.00");
    expect(col(rows[1], "lineTotalIncVat")).toBe("2987.49");
    expect(col(rows[1], "discount")).toBe("10");
    expect(col(rows[2], "sku")).toBe("'=B2");
    expect(col(rows[2], "lineTotalExVat")).toBe("2.50");
    expect(col(rows[1], "orderTotalExVat")).toBe("2471.50");
    expect(col(rows[1], "status")).toBe("PROCESSING");
    expect(col(rows[1], "updatedAt")).toBe("2024-05-01 12:00");
    // Placed on where the portal placed the order and knows when; empty where it does not.
    expect(col(rows[1], "placedAt")).toBe("2024-04-30 10:15");
    expect(col(rows[3], "placedAt")).toBe("");
    expect(col(rows[1], "shipments")).toBe("DHL JVGL1");
    expect(col(rows[3], "sku")).toBe("");
    expect(col(rows[3], "dropship")).toBe("yes");
    // The upstream's country code, named in the dealer's language.
    expect(col(rows[1], "deliveryCountry")).toBe("Netherlands");
    expect(rows.every((row) => row.length === ORDER_CSV_COLUMNS.length)).toBe(true);
  });

  it("with a decimal comma: fields separated by ;, amounts with a comma, text with ; or , quoted as needed", () => {
    const text = ordersCsv(orders, options(","));
    const rows = readCsv(text.slice(1), ";");
    const header = rows[0] ?? [];
    const col = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)];
    expect(col(rows[1], "lineTotalExVat")).toBe("2469,00");
    expect(col(rows[1], "soldPrice")).toBe("1234,50");
    expect(col(rows[1], "reference")).toBe('PO "spoed"; 1,2');
    expect(text).toContain('"PO ""spoed""; 1,2"');
    expect(col(readCsv(ordersCsv(orders, options(",", "nl")).slice(1), ";")[1], "deliveryCountry")).toBe("Nederland");
    expect(text.split("\r\n")[0]?.split(";")).toHaveLength(ORDER_CSV_COLUMNS.length);
  });
});
