import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";

import { checkRequestedLines, type LineReport, type RequestedLine } from "./lines";

/**
 * Checks pasted, uploaded or typed lines and says per line what would happen; adds nothing.
 * The session is required (only signed-in people learn what an identifier is); the check itself
 * is the same for everyone, as the upstream's detail and barcode look-ups are.
 */
export async function checkLines(session: SessionToken, lines: RequestedLine[]): Promise<LineReport[]> {
  void session;
  return checkRequestedLines(await getDb(), lines);
}
