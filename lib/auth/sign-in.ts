import { timingSafeEqual } from "node:crypto";

import type { Database } from "@/lib/db";
import { isUpstreamError, type IssuedToken, type UpstreamClient } from "@/lib/upstream";

import { userKeyOf } from "./principal";
import {
  recordSignInFailure,
  recordSignInSuccess,
  signInBlockedForSeconds,
  type SignInAttempt,
  type SignInLimits,
} from "./sign-in-limits";
import { passwordSignInSchema, tokenSignInSchema } from "./sign-in-schema";
import { createPortalSession, pruneSessions } from "./session-store";
import type { SessionToken } from "./session-types";

/**
 * Signing in: the two forms (email and password, or an API token of the wholesaler) as use cases.
 * Each checks the sign-in limits first, asks the upstream, counts a failure, and on success
 * records the session on the server (portal_sessions) whose id goes into the session cookie.
 */

export type SignInResult =
  | { ok: true; session: SessionToken }
  /** Wrong credentials; never says whether the account exists. */
  | { ok: false; error: "CredentialsSignin" }
  | { ok: false; error: "RateLimited"; retryAfterSeconds: number }
  | { ok: false; error: "Unavailable" };

export interface SignInContext {
  db: Database;
  /** The client's address (lib/security/client-address). */
  address: string;
  limits: SignInLimits;
  /** An upstream client without a token (for POST /auth/token), and one per token. */
  upstream: (token: string | undefined) => UpstreamClient;
  /** The sync's service token: never a way to sign in interactively. */
  serviceToken: string;
  /** Session length when the upstream gives no token expiry, in milliseconds. */
  sessionMaxAgeMs: number;
  now?: () => Date;
}

/** Wrong credentials (or refused access) count against the limits; an unreachable upstream does not. */
function isRefusal(error: unknown): boolean {
  return (
    isUpstreamError(error, "unauthorized") ||
    isUpstreamError(error, "validation") ||
    isUpstreamError(error, "not_found") ||
    isUpstreamError(error, "forbidden")
  );
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Loads the user behind a token and records the session. The company name is a courtesy. `login`:
 * the e-mail address the person signed in with, which is theirs when the wholesaler keeps none for
 * them (GET /me without `email`): without it the person would be known by customer and name only,
 * and two colleagues of one name would share a cart.
 */
async function startSession(context: SignInContext, issued: IssuedToken, login: string | null): Promise<SessionToken> {
  const upstream = context.upstream(issued.token);
  const me = await upstream.me();
  const email = me.email ?? login;
  const companyName = await upstream
    .company(me.customerCode)
    .then((company) => company.name)
    .catch(() => null);
  const now = context.now?.() ?? new Date();
  const expiresAt = new Date(
    Math.min(issued.expiresAt?.getTime() ?? Infinity, now.getTime() + context.sessionMaxAgeMs),
  );
  const sessionId = await createPortalSession(
    context.db,
    {
      userKey: userKeyOf({ email, name: me.name, customerCode: me.customerCode }),
      customerCode: me.customerCode,
      permissions: me.permissions,
      features: me.features,
      expiresAt,
    },
    now,
  );
  // Now and then, forget sessions that ended or ran out more than a day ago.
  if (Math.random() < 0.01) await pruneSessions(context.db, now);
  return {
    sessionId,
    upstreamToken: issued.token,
    upstreamExpiresAt: issued.expiresAt?.getTime() ?? null,
    name: me.name,
    email,
    customerCode: me.customerCode,
    companyName,
    permissions: me.permissions,
    features: me.features,
    activeCustomerCode: me.customerCode,
    activeCompanyName: companyName,
  };
}

async function attempt(
  context: SignInContext,
  who: SignInAttempt,
  issue: () => Promise<IssuedToken | null>,
): Promise<SignInResult> {
  const blocked = await signInBlockedForSeconds(context.db, who);
  if (blocked > 0) return { ok: false, error: "RateLimited", retryAfterSeconds: blocked };
  const refused = async (): Promise<SignInResult> => {
    await recordSignInFailure(context.db, who, context.limits);
    return { ok: false, error: "CredentialsSignin" };
  };
  const failed = (error: unknown): Promise<SignInResult> => {
    if (isRefusal(error)) return refused();
    if (isUpstreamError(error)) return Promise.resolve({ ok: false, error: "Unavailable" });
    throw error;
  };
  let session: SessionToken;
  try {
    const issued = await issue();
    if (!issued) return await refused();
    session = await startSession(context, issued, who.account);
  } catch (error) {
    return failed(error);
  }
  await recordSignInSuccess(context.db, who);
  return { ok: true, session };
}

/** Sign-in with the email and password the wholesaler gave the user. */
export async function signInWithPassword(context: SignInContext, input: unknown): Promise<SignInResult> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  const email = parsed.data.email.toLowerCase();
  return attempt(context, { account: email, address: context.address }, () =>
    context.upstream(undefined).issueToken(email, parsed.data.password),
  );
}

/** Sign-in with an API token of the wholesaler; the sync's service token is refused. */
export async function signInWithToken(context: SignInContext, input: unknown): Promise<SignInResult> {
  const parsed = tokenSignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  const token = parsed.data.token;
  return attempt(context, { account: null, address: context.address }, async () =>
    sameSecret(token, context.serviceToken) ? null : { token, expiresAt: null },
  );
}
