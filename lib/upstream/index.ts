import "server-only";

import { getEnv } from "@/lib/env";

import { UpstreamClient } from "./client";
import type { UpstreamError } from "./errors";

/** Media are served to the browser by the portal (app/media), which fetches them from MEDIA_URL. */
export const PORTAL_MEDIA_PATH = "/media";

export { UpstreamClient } from "./client";
export type { CompanyPage, IssuedToken } from "./client";
export { UpstreamError, isUpstreamError } from "./errors";
export type { UpstreamErrorKind } from "./errors";
export type { OrderCreateBody } from "./order-create";

/** A client that calls the upstream with the given credential (a user's token, or none for sign-in). */
export function upstreamWithToken(
  token: string | undefined,
  onUnauthorized?: (error: UpstreamError) => never | Promise<never>,
): UpstreamClient {
  const env = getEnv();
  return new UpstreamClient(
    {
      baseUrl: env.UPSTREAM_URL,
      token,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      readAttempts: env.UPSTREAM_READ_ATTEMPTS,
      onUnauthorized,
    },
    PORTAL_MEDIA_PATH,
  );
}
