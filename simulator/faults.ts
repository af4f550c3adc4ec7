/**
 * Faults on demand, so the portal's tests meet what a real upstream does:
 * added latency with jitter, a share of 500/502/503 answers with an HTML body,
 * 429 with Retry-After above a request rate, requests that never answer, and
 * "commit then fail" on POST /orders (the order is created, then the answer is
 * a 502 or the connection is dropped), and "commit late" on POST /orders (the
 * order is created after a delay, also when the client has stopped waiting, as
 * a server goes on with a request whose caller has gone). Control endpoints are
 * never affected.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "./context.js";
import { Rng } from "./dataset/rng.js";
import { fromZodError } from "./laravel.js";

const validRegex = (source: string) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    jitterMs: z.number().int().min(0).max(60_000).default(0),
    errorRate: z.number().min(0).max(1).default(0),
    hangRate: z.number().min(0).max(1).default(0),
    rateLimitPerSecond: z.number().int().min(1).nullable().default(null),
    commitThenFail: z
      .object({ count: z.number().int().min(0), mode: z.enum(["502", "drop"]).default("502") })
      .strict()
      .nullable()
      .default(null),
    commitLate: z
      .object({ count: z.number().int().min(0), delayMs: z.number().int().min(1).max(60_000) })
      .strict()
      .nullable()
      .default(null),
    paths: z
      .string()
      .refine(validRegex, "The paths field must be a valid regular expression.")
      .nullable()
      .default(null),
  })
  .strict();

export type FaultSettings = z.output<typeof faultSettingsSchema>;
export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;

const NO_FAULTS: FaultSettings = faultSettingsSchema.parse({});

const ERROR_PAGES: Record<500 | 502 | 503, string> = {
  500: '<!DOCTYPE html>\n<html lang="en">\n<head><title>Server Error</title></head>\n<body><div class="code">500</div><div class="message">Server Error</div></body>\n</html>\n',
  502: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
  503: '<!DOCTYPE html>\n<html lang="en">\n<head><title>Service Unavailable</title></head>\n<body><div class="code">503</div><div class="message">Service Unavailable</div></body>\n</html>\n',
};

function htmlError(c: Context<AppEnv>, status: 500 | 502 | 503): Response {
  return c.html(ERROR_PAGES[status], status);
}

export class Faults {
  private settings: FaultSettings = NO_FAULTS;
  private pathPattern: RegExp | undefined;
  private readonly hung = new Set<() => void>();
  private windowSecond = -1;
  private windowCount = 0;
  private rng: Rng;

  constructor(
    private readonly seed: string,
    private readonly realNow: () => number,
  ) {
    this.rng = Rng.for(seed, "faults");
  }

  get current(): FaultSettings {
    return this.settings;
  }

  /** Replaces the settings (unspecified ones are off). Throws a 422 HttpError on bad input. */
  set(input: unknown): FaultSettings {
    const parsed = faultSettingsSchema.safeParse(input ?? {});
    if (!parsed.success) throw fromZodError(parsed.error);
    this.releaseHung();
    this.settings = parsed.data;
    this.pathPattern = parsed.data.paths !== null ? new RegExp(parsed.data.paths) : undefined;
    this.rng = Rng.for(this.seed, "faults");
    this.windowSecond = -1;
    return this.settings;
  }

  clear(): void {
    this.set({});
  }

  /** Answers every hanging request (503), e.g. on reset or shutdown. */
  releaseHung(): void {
    for (const release of [...this.hung]) release();
  }

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const s = this.settings;
      if (c.req.path.startsWith("/__sim/") || (this.pathPattern && !this.pathPattern.test(c.req.path))) return next();
      const signal = c.req.raw.signal;

      if (s.rateLimitPerSecond !== null) {
        const now = this.realNow();
        const second = Math.floor(now / 1000);
        if (second !== this.windowSecond) {
          this.windowSecond = second;
          this.windowCount = 0;
        }
        this.windowCount++;
        if (this.windowCount > s.rateLimitPerSecond) {
          const retryAfter = String(Math.max(1, Math.ceil(((second + 1) * 1000 - now) / 1000)));
          return c.json({ message: "Too Many Attempts." }, 429, {
            "Retry-After": retryAfter,
            "X-RateLimit-Limit": String(s.rateLimitPerSecond),
            "X-RateLimit-Remaining": "0",
          });
        }
      }

      const delay = s.latencyMs + (s.jitterMs > 0 ? this.rng.next() * s.jitterMs : 0);
      if (delay > 0) {
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          return htmlError(c, 503); // the client gave up; nobody reads this
        }
      }

      if (s.hangRate > 0 && this.rng.chance(s.hangRate)) {
        await this.hang(signal);
        return htmlError(c, 503);
      }

      if (s.errorRate > 0 && this.rng.chance(s.errorRate)) return htmlError(c, this.rng.pick([500, 502, 503] as const));

      const late = s.commitLate;
      if (late && late.count > 0 && c.req.method === "POST" && c.req.path === "/orders") {
        late.count--;
        // Not cut short when the client gives up: the order is made all the same, and nobody reads the answer.
        await sleep(late.delayMs);
      }

      await next();

      const commit = s.commitThenFail;
      if (commit && commit.count > 0 && c.req.method === "POST" && c.req.path === "/orders" && c.res.status === 201) {
        commit.count--;
        if (commit.mode === "502") {
          c.res = htmlError(c, 502);
        } else {
          const socket = c.env?.incoming?.socket;
          socket?.destroy();
          // Nobody reads the answer on a destroyed socket; in-process callers get a failing body instead.
          c.res = socket ? new Response(null, { status: 502 }) : droppedResponse();
        }
      }
    };
  }

  /** Waits until the client disconnects or the hang is released. */
  private hang(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        this.hung.delete(release);
        signal.removeEventListener("abort", release);
        resolve();
      };
      this.hung.add(release);
      if (signal.aborted) release();
      else signal.addEventListener("abort", release);
    });
  }
}

/** In-process callers (app.request) have no socket to drop: their body read fails instead. */
function droppedResponse(): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error("simulated dropped connection"));
      },
    }),
    { status: 201 },
  );
}
