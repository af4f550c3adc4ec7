import "server-only";

import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { isStaff } from "@/lib/acting/policy";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { upstreamWithToken } from "@/lib/upstream";

import { stateOfToken } from "./session";
import { signInWithPassword, signInWithToken, type SignInContext, type SignInResult } from "./sign-in";
import { endPortalSession } from "./session-store";
import type { PublicSession, SessionToken } from "./session-types";

/** What a sign-in needs: the database, the client's address (from the request's headers), the limits, the upstream. */
export async function signInContext(headers: Headers | Record<string, unknown> | undefined): Promise<SignInContext> {
  const env = getEnv();
  return {
    db: await getDb(),
    address: clientAddress(headers, env.TRUSTED_PROXY_HOPS),
    limits: {
      perAccountAndAddress: env.SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS,
      perAddress: env.SIGN_IN_ATTEMPTS_PER_ADDRESS,
      perAccount: env.SIGN_IN_ATTEMPTS_PER_ACCOUNT,
      windowMs: env.SIGN_IN_WINDOW_SECONDS * 1000,
    },
    upstream: (token) => upstreamWithToken(token),
    serviceToken: env.UPSTREAM_SERVICE_TOKEN,
    sessionMaxAgeMs: env.SESSION_MAX_AGE_SECONDS * 1000,
  };
}

/** next-auth's side of a sign-in result: the user, null for wrong credentials, or an error code. */
function authorized(result: SignInResult): User | null {
  if (result.ok) {
    const { session } = result;
    return { id: `${session.customerCode}:${session.email ?? session.name}`, ...session };
  }
  if (result.error === "CredentialsSignin") return null;
  throw new Error(result.error);
}

export function publicSession(token: { [K in keyof SessionToken]?: SessionToken[K] | null }): PublicSession {
  const permissions = token.permissions ?? [];
  return {
    name: token.name ?? "",
    email: token.email ?? null,
    customerCode: token.customerCode ?? "",
    companyName: token.companyName ?? null,
    permissions,
    features: token.features ?? [],
    activeCustomerCode: token.activeCustomerCode ?? token.customerCode ?? "",
    activeCompanyName: token.activeCompanyName ?? token.companyName ?? null,
    canActForCustomers: isStaff({ permissions }),
  };
}

const SESSION_FIELDS = [
  "sessionId",
  "upstreamToken",
  "upstreamExpiresAt",
  "name",
  "email",
  "customerCode",
  "companyName",
  "permissions",
  "features",
  "activeCustomerCode",
  "activeCompanyName",
] as const satisfies readonly (keyof SessionToken)[];

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          return authorized(await signInWithPassword(await signInContext(req?.headers), credentials));
        },
      }),
      CredentialsProvider({
        id: "token",
        name: "API token",
        credentials: { token: { type: "password" } },
        async authorize(credentials, req) {
          return authorized(await signInWithToken(await signInContext(req?.headers), credentials));
        },
      }),
    ],
    events: {
      // next-auth's own sign-out endpoint ends the server's record too.
      async signOut({ token }) {
        const id = (token as Partial<SessionToken> | null)?.sessionId;
        if (id) await endPortalSession(await getDb(), id, "signed-out");
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          for (const field of SESSION_FIELDS) (token as Record<string, unknown>)[field] = user[field];
          token.sub = user.id;
          delete token.picture;
          return token;
        }
        // next-auth's session endpoint: a session the server no longer knows is cleared, not shown.
        const state = await stateOfToken(token as unknown as SessionToken);
        if (state.status !== "live") throw new Error("Session ended");
        return { ...token, permissions: state.session.permissions, features: state.session.features };
      },
      async session({ session, token }) {
        return { expires: session.expires, portal: publicSession(token) };
      },
    },
  };
}
