import "server-only";

import { isStaff } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import { catalogueSyncStatus } from "@/lib/catalogue/sync/status";
import { getDb } from "@/lib/db";

import type { AuditFilters } from "./filters";
import { auditPage, type AuditPage } from "./log";

export interface AdminOverview {
  sync: Awaited<ReturnType<typeof catalogueSyncStatus>>;
  audit: AuditPage;
}

/**
 * The admin page, for wholesaler staff only: the state of the catalogue mirror, and one page of
 * the audit trail (who acted for which customer, refused attempts folded) as the filters say.
 * Null for anyone else: the page is then not found.
 */
export async function adminOverview(
  session: SessionToken,
  filters: AuditFilters,
  timeZone: string,
): Promise<AdminOverview | null> {
  if (!isStaff(session)) return null;
  const db = await getDb();
  const [sync, audit] = await Promise.all([catalogueSyncStatus(db), auditPage(db, filters, timeZone)]);
  return { sync, audit };
}
