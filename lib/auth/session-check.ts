import { isStaff } from "@/lib/acting/policy";
import type { Database } from "@/lib/db";
import type { UpstreamUser } from "@/lib/domain/user";
import { isUpstreamError } from "@/lib/upstream/errors";

import { isSessionExpired } from "./cookie";
import { claimAccessCheck, endPortalSession, findPortalSession, updateAccess } from "./session-store";
import type { SessionToken } from "./session-types";

/** What the server knows of a session cookie. */
export type SessionState =
  | { status: "live"; session: SessionToken }
  /** No session: no cookie, an unreadable one, or one the server does not know (or signed out). */
  | { status: "none" }
  /** A session the server ended or that ran out: the user is asked to sign in again. */
  | { status: "ended"; reason: "expired" | "upstream-refused" | "permissions-changed" };

export interface SessionCheckOptions {
  /** Re-read GET /me when the last read is at least this old. */
  recheckMs: number;
  /** GET /me with the session's upstream token. */
  me: (upstreamToken: string) => Promise<UpstreamUser>;
  now?: Date;
}

/**
 * The one check of a session cookie against the server's record: a session is live only while
 * its record is, and it takes its permissions and features from the record, which GET /me
 * refreshes every few minutes. A refused token (401) ends it; so does staff losing `companies`.
 */
export async function checkSession(
  db: Database,
  token: SessionToken | null,
  options: SessionCheckOptions,
): Promise<SessionState> {
  if (!token?.sessionId) return { status: "none" };
  const now = options.now ?? new Date();
  const row = await findPortalSession(db, token.sessionId);
  if (!row) return { status: "none" };
  if (row.endedAt) {
    if (row.endReason === "upstream-refused" || row.endReason === "permissions-changed") {
      return { status: "ended", reason: row.endReason };
    }
    return { status: "none" };
  }
  if (row.expiresAt <= now || isSessionExpired(token, now.getTime())) return { status: "ended", reason: "expired" };

  let access = { permissions: row.permissions, features: row.features };
  const before = new Date(now.getTime() - options.recheckMs);
  if (row.checkedAt <= before && (await claimAccessCheck(db, row.id, before, now))) {
    try {
      const me = await options.me(token.upstreamToken);
      if (isStaff(row) && !isStaff(me)) {
        await endPortalSession(db, row.id, "permissions-changed", now);
        return { status: "ended", reason: "permissions-changed" };
      }
      access = { permissions: me.permissions, features: me.features };
      await updateAccess(db, row.id, access);
    } catch (error) {
      if (isUpstreamError(error, "unauthorized")) {
        await endPortalSession(db, row.id, "upstream-refused", now);
        return { status: "ended", reason: "upstream-refused" };
      }
      // The upstream could not answer: the session goes on with what was known; the next check
      // is due after another interval.
      if (!isUpstreamError(error)) throw error;
    }
  }
  return {
    status: "live",
    session: { ...token, permissions: [...access.permissions], features: [...access.features] },
  };
}
