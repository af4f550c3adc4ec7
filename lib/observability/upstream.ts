import { UpstreamError } from "@/lib/upstream/errors";

import { log } from "./logger";
import { metrics } from "./metrics";

/**
 * One log line and the metrics of each call to the wholesaler API (lib/upstream/transport.ts calls
 * `upstreamCallEnded` after every attempt). Off until a server or worker turns it on with
 * `observeUpstreamCalls()`, so that unit tests stay quiet. The line names the endpoint, never the URL
 * (which can hold a customer code or search words) nor the token.
 */
const KEY = Symbol.for("dealer-portal.observe-upstream");
type Holder = { [KEY]?: boolean };

export function observeUpstreamCalls(on = true): void {
  (globalThis as Holder)[KEY] = on;
}

export interface UpstreamCall {
  endpoint: string;
  attempt: number;
  durationMs: number;
  /** The error of a failed attempt; none when it succeeded. */
  error?: unknown;
}

export function upstreamCallEnded(call: UpstreamCall): void {
  if (!(globalThis as Holder)[KEY]) return;
  const failure = call.error instanceof UpstreamError ? call.error : undefined;
  const outcome = call.error === undefined ? "ok" : (failure?.kind ?? "aborted");
  const status = call.error === undefined ? 200 : failure?.status;
  const ms = Math.round(call.durationMs * 10) / 10;
  const line = { endpoint: call.endpoint, status, outcome, attempt: call.attempt, ms };
  if (call.error === undefined) log().info(line, "upstream call");
  else log().warn(line, "upstream call failed");
  const m = metrics();
  m.upstreamCalls.labels(call.endpoint, outcome).inc();
  m.upstreamDuration.labels(call.endpoint).observe(call.durationMs / 1000);
}
