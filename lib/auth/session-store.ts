import { randomBytes } from "node:crypto";

import { and, eq, isNull, lt, or } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { portalSessions, type PortalSessionRow } from "@/lib/db/schema";

/** Why a session ended (the `end_reason` column). */
export type SessionEndReason = "signed-out" | "upstream-refused" | "permissions-changed";

export interface NewPortalSession {
  userKey: string;
  customerCode: string;
  permissions: readonly string[];
  features: readonly string[];
  expiresAt: Date;
}

/** Records a signed-in session; its random id goes into the (encrypted) session cookie. */
export async function createPortalSession(db: Database, session: NewPortalSession, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(portalSessions).values({
    id,
    userKey: session.userKey,
    customerCode: session.customerCode,
    permissions: [...session.permissions],
    features: [...session.features],
    checkedAt: now,
    createdAt: now,
    expiresAt: session.expiresAt,
  });
  return id;
}

export async function findPortalSession(db: Database, id: string): Promise<PortalSessionRow | null> {
  const [row] = await db.select().from(portalSessions).where(eq(portalSessions.id, id)).limit(1);
  return row ?? null;
}

/** Ends a session for good; the first reason given is kept. */
export async function endPortalSession(db: Database, id: string, reason: SessionEndReason, now = new Date()) {
  await db
    .update(portalSessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(portalSessions.id, id), isNull(portalSessions.endedAt)));
}

/**
 * Claims the next GET /me check of a live session last checked before `before`: true for exactly
 * one caller, so that requests arriving together ask the upstream once.
 */
export async function claimAccessCheck(db: Database, id: string, before: Date, now = new Date()): Promise<boolean> {
  const claimed = await db
    .update(portalSessions)
    .set({ checkedAt: now })
    .where(and(eq(portalSessions.id, id), isNull(portalSessions.endedAt), lt(portalSessions.checkedAt, before)))
    .returning({ id: portalSessions.id });
  return claimed.length > 0;
}

/** Stores what GET /me said now. */
export async function updateAccess(
  db: Database,
  id: string,
  access: { permissions: readonly string[]; features: readonly string[] },
) {
  await db
    .update(portalSessions)
    .set({ permissions: [...access.permissions], features: [...access.features] })
    .where(eq(portalSessions.id, id));
}

/** Forgets sessions that ended or ran out more than a day ago. */
export async function pruneSessions(db: Database, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db.delete(portalSessions).where(or(lt(portalSessions.expiresAt, dayAgo), lt(portalSessions.endedAt, dayAgo)));
}
