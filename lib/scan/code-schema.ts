import { z } from "zod";

import { normaliseCode } from "./codes";

/**
 * What a camera, a hardware scanner (keyboard wedge) or a person typing may
 * give as a barcode: the digits of an EAN-13, EAN-8, UPC-A or GTIN-14, or the
 * text of a Code 128 (printable ASCII, e.g. a SKU).
 *
 * Apart from codes.ts, which the scan page's browser code imports: zod stays
 * out of that page's bundle.
 */
export const scannedCodeSchema = z
  .string()
  .transform(normaliseCode)
  .pipe(
    z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/, "not a barcode"),
  );
