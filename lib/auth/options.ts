import "server-only";

import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { PERMISSION_COMPANIES } from "@/lib/domain/user";
import { getEnv } from "@/lib/env";
import { isUpstreamError, upstreamWithToken, type IssuedToken } from "@/lib/upstream";

import { AttemptLimiter } from "./rate-limit";
import type { PublicSession, SessionToken } from "./session-types";
import { passwordSignInSchema, tokenSignInSchema } from "./sign-in-schema";

let limiters: { account: AttemptLimiter; address: AttemptLimiter } | undefined;

function signInLimiters() {
  if (!limiters) {
    const env = getEnv();
    const windowMs = env.SIGN_IN_WINDOW_SECONDS * 1000;
    limiters = {
      account: new AttemptLimiter(env.SIGN_IN_ATTEMPTS_PER_ACCOUNT, windowMs),
      address: new AttemptLimiter(env.SIGN_IN_ATTEMPTS_PER_ADDRESS, windowMs),
    };
  }
  return limiters;
}

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

/** Loads the user behind a token; the company name is a courtesy and may be refused. */
async function sessionUser(issued: IssuedToken): Promise<User> {
  const upstream = upstreamWithToken(issued.token);
  const me = await upstream.me();
  const companyName = await upstream
    .company(me.customerCode)
    .then((company) => company.name)
    .catch(() => null);
  const token: SessionToken = {
    upstreamToken: issued.token,
    upstreamExpiresAt: issued.expiresAt?.getTime() ?? null,
    name: me.name,
    email: me.email,
    customerCode: me.customerCode,
    companyName,
    permissions: me.permissions,
    features: me.features,
    activeCustomerCode: me.customerCode,
    activeCompanyName: companyName,
  };
  return { id: `${me.customerCode}:${me.email ?? me.name}`, ...token };
}

/** An upstream that cannot be reached is reported as such, not as wrong credentials. */
function failedSignIn(error: unknown): never | null {
  if (
    isUpstreamError(error, "unauthorized") ||
    isUpstreamError(error, "validation") ||
    isUpstreamError(error, "not_found")
  ) {
    return null;
  }
  if (isUpstreamError(error, "forbidden")) return null;
  throw new Error("Unavailable");
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
    canActForCustomers: permissions.includes(PERMISSION_COMPANIES),
  };
}

const SESSION_FIELDS = [
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
          const parsed = passwordSignInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const email = parsed.data.email.toLowerCase();
          const address = `address:${clientAddress(req?.headers)}`;
          const account = `account:${email}`;
          const { account: perAccount, address: perAddress } = signInLimiters();
          if (perAccount.blockedForSeconds(account) || perAddress.blockedForSeconds(address)) {
            throw new Error("RateLimited");
          }
          let issued: IssuedToken;
          try {
            issued = await upstreamWithToken(undefined).issueToken(email, parsed.data.password);
          } catch (error) {
            perAccount.recordFailure(account);
            perAddress.recordFailure(address);
            return failedSignIn(error);
          }
          perAccount.reset(account);
          return sessionUser(issued).catch(failedSignIn);
        },
      }),
      CredentialsProvider({
        id: "token",
        name: "API token",
        credentials: { token: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = tokenSignInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const address = `address:${clientAddress(req?.headers)}`;
          const { address: perAddress } = signInLimiters();
          if (perAddress.blockedForSeconds(address)) throw new Error("RateLimited");
          try {
            return await sessionUser({ token: parsed.data.token, expiresAt: null });
          } catch (error) {
            perAddress.recordFailure(address);
            return failedSignIn(error);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          for (const field of SESSION_FIELDS) (token as Record<string, unknown>)[field] = user[field];
          token.sub = user.id;
          delete token.picture;
        }
        return token;
      },
      async session({ session, token }) {
        return { expires: session.expires, portal: publicSession(token) };
      },
    },
  };
}
