"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";

import { postedForm } from "@/lib/http/posted-form";

import { requireSession } from "@/lib/auth/session";
import { errorText, log } from "@/lib/observability/logger";

import { scannedCodeSchema } from "./code-schema";
import { scanCode, type ScanLookupResult } from "./scan-code";

const input = z.object({ code: scannedCodeSchema });

/** The typed text to say back in an error: bounded, and only what a person could have typed. */
function echoOf(raw: unknown): string {
  return raw && typeof raw === "object" && "code" in raw && typeof raw.code === "string"
    ? raw.code
        .trim()
        .slice(0, 64)
        .replace(/[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/g, "")
    : "";
}

/** Looks up a scanned or typed barcode for the signed-in person (see scanCode). */
export async function lookupScannedCode(raw: unknown): Promise<ScanLookupResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, code: echoOf(raw), error: "invalid" };
  return lookUp(parsed.data.code);
}

/** The scan use case for the signed-in person; a failure of the look-up is said, never thrown. */
async function lookUp(code: string): Promise<ScanLookupResult> {
  const session = await requireSession();
  try {
    return await scanCode(session, code);
  } catch (error) {
    unstable_rethrow(error);
    log().warn({ err: errorText(error) }, "scan lookup failed");
    return { ok: false, code, error: "failed" };
  }
}

/**
 * The typed-code form posted before hydration or without JavaScript: the product's page when the
 * code is found, else the scan page saying why. The typed code never goes into the address.
 */
export async function lookUpTypedCode(form: FormData): Promise<void> {
  const posted = postedForm.safeParse(form);
  const parsed = input.safeParse({ code: posted.success ? posted.data.get("code") : undefined });
  if (!parsed.success) redirect("/scan?result=invalid");
  const result = await lookUp(parsed.data.code);
  if (result.ok) redirect(`/products/${encodeURIComponent(result.product.sku)}`);
  redirect(`/scan?result=${result.error}`);
}
