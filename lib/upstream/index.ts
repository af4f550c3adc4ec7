import "server-only";

import { getEnv } from "@/lib/env";

import { UpstreamClient } from "./client";

export { UpstreamClient } from "./client";
export type { CompanyPage, IssuedToken } from "./client";
export { UpstreamError, isUpstreamError } from "./errors";
export type { UpstreamErrorKind } from "./errors";
export type { OrderCreateBody } from "./order-create";

/** A client that calls the upstream with the given credential (a user's token, or none for sign-in). */
export function upstreamWithToken(token: string | undefined): UpstreamClient {
  const env = getEnv();
  return new UpstreamClient(
    {
      baseUrl: env.UPSTREAM_URL,
      token,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      readAttempts: env.UPSTREAM_READ_ATTEMPTS,
    },
    env.MEDIA_URL,
  );
}

/** The catalogue sync's client: the service credential, never a person's. */
export function serviceUpstream(): UpstreamClient {
  return upstreamWithToken(getEnv().UPSTREAM_SERVICE_TOKEN);
}
