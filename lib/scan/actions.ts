"use server";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";

import { requireSession } from "@/lib/auth/session";

import { scannedCodeSchema } from "./codes";
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
  const { code } = parsed.data;
  const session = await requireSession();
  try {
    return await scanCode(session, code);
  } catch (error) {
    unstable_rethrow(error);
    console.warn(`scan lookup of ${code} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, code, error: "failed" };
  }
}
