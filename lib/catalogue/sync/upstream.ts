import { UpstreamClient, PORTAL_MEDIA_PATH } from "@/lib/upstream";
import { getSyncEnv } from "@/lib/env";

/** The upstream calls the sync makes; an `UpstreamClient` has them all. */
export type SyncUpstream = Pick<UpstreamClient, "categories" | "productSkus" | "product" | "stockColours">;

type RateLimitListener = (retryAfterSeconds: number) => void;

/**
 * Counts the HTTP requests a client sends (retries included) and tells listeners about every
 * 429, also those the transport retries by itself, so the sync can lower its pressure.
 */
export class UpstreamMeter {
  calls = 0;
  rateLimited = 0;
  private readonly listeners = new Set<RateLimitListener>();

  /** A fetch that counts, around the given one. */
  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      this.calls++;
      const response = await inner(input, init);
      if (response.status === 429) {
        this.rateLimited++;
        const header = Number(response.headers.get("retry-after"));
        const seconds = Number.isFinite(header) && header >= 0 ? header : 1;
        for (const listener of this.listeners) listener(seconds);
      }
      return response;
    };
  }

  onRateLimited(listener: RateLimitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A client of the upstream with its meter: one per kind of sync, so their call counts stay apart. */
export interface MeteredUpstream {
  client: SyncUpstream;
  meter: UpstreamMeter;
}

export interface SyncUpstreamOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  readAttempts: number;
  /** Longest Retry-After the transport waits for itself; beyond it the sync decides. */
  maxRetryAfterSeconds?: number;
  fetch?: typeof fetch;
}

export function createSyncUpstream(options: SyncUpstreamOptions): MeteredUpstream {
  const meter = new UpstreamMeter();
  const client = new UpstreamClient(
    {
      baseUrl: options.baseUrl,
      token: options.token,
      timeoutMs: options.timeoutMs,
      readAttempts: options.readAttempts,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 5,
      fetch: meter.wrap(options.fetch ?? ((input, init) => fetch(input, init))),
    },
    PORTAL_MEDIA_PATH,
  );
  return { client, meter };
}

/** The sync's client from the configuration: the service credential, never a person's. */
export function serviceSyncUpstream(): MeteredUpstream {
  const env = getSyncEnv();
  return createSyncUpstream({
    baseUrl: env.UPSTREAM_URL,
    token: env.UPSTREAM_SERVICE_TOKEN,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    readAttempts: env.UPSTREAM_READ_ATTEMPTS,
  });
}
