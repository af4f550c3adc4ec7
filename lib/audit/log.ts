import { desc } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

export type AuditAction = "switch-customer" | "switch-back" | "order-for-customer" | "forbidden-customer";

export interface AuditEntry {
  actorEmail: string;
  actorName: string;
  action: AuditAction;
  customerCode: string;
  orderId?: string | null;
  details?: Record<string, unknown>;
}

/** Writes who did what for which customer. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorEmail: entry.actorEmail,
    actorName: entry.actorName,
    action: entry.action,
    customerCode: entry.customerCode,
    orderId: entry.orderId ?? null,
    details: entry.details ?? {},
  });
}

export async function recentAudit(db: Database, limit = 100) {
  return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit);
}
