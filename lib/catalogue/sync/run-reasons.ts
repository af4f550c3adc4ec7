import { isUpstreamError } from "@/lib/upstream/errors";

import { errorMessage } from "./logger";

/**
 * Why a catalogue sync run did not simply succeed: stored beside the run's English message so that
 * the staff page can say it in the reader's language. The message stays for the logs and for what
 * a code cannot say (an error's own words).
 */
export const RUN_REASONS = [
  /** The upstream asked to wait longer than the sync pauses for (Retry-After); the run stopped early. */
  "upstream_busy",
  /** Some products' details could not be read; later runs try them again. */
  "products_failed",
  /** The run was stopped (the server shut down); the next run continues from the last saved batch. */
  "interrupted",
  /** The process ended during the run without closing it; found by the next run. */
  "process_ended",
  /** The upstream refused the sync's credentials (401 or 403). */
  "upstream_refused",
  /** The upstream could not be reached, failed (5xx) or did not answer in time. */
  "upstream_unreachable",
  /** The upstream answered with something the sync could not use (an unexpected shape or a refusal of the request). */
  "upstream_answer",
  /** Anything else, the database's errors among them. */
  "error",
] as const;

export type RunReason = (typeof RUN_REASONS)[number];

/**
 * What an error says of why something could not be done: the reasons an error gives a run, and a
 * product the sync could not read (the retry list says it in the reader's language).
 */
export const ERROR_REASONS = [
  "upstream_busy",
  "upstream_refused",
  "upstream_unreachable",
  "upstream_answer",
  "error",
] as const satisfies readonly RunReason[];

export type ErrorReason = (typeof ERROR_REASONS)[number];

/** The reason an error gives: by the upstream's kind of failure, or "error" for anything else. */
export function reasonForError(error: unknown): ErrorReason {
  if (!isUpstreamError(error)) return "error";
  switch (error.kind) {
    case "unauthorized":
    case "forbidden":
      return "upstream_refused";
    case "unavailable":
    case "timeout":
      return "upstream_unreachable";
    case "rate_limited":
      return "upstream_busy";
    case "not_found":
    case "validation":
    case "bad_request":
    case "malformed":
      return "upstream_answer";
  }
}

/** Why a run ended short: its reason, and the English message kept beside it for the logs. */
export interface RunEnding {
  reason: RunReason;
  message: string;
}

/** A run that was stopped (the server shut down). */
export const INTERRUPTED: RunEnding = { reason: "interrupted", message: "interrupted" };

/** A run that an error ended: the reason its kind gives, and the error's own words. */
export function endingOfError(error: unknown): RunEnding {
  return { reason: reasonForError(error), message: errorMessage(error) };
}

/** A stored reason, or null when the row holds none the portal knows (a run from before reasons were kept). */
export function runReason(value: string | null): RunReason | null {
  return (RUN_REASONS as readonly string[]).includes(value ?? "") ? (value as RunReason) : null;
}

/** A product failure's stored reason, or null when it holds none (recorded before reasons were kept). */
export function errorReason(value: string | null): ErrorReason | null {
  return (ERROR_REASONS as readonly string[]).includes(value ?? "") ? (value as ErrorReason) : null;
}

/**
 * Whether a reason says all there is to say of a run, so that its English message adds nothing; the
 * reasons of an error do not (the error's own words tell staff what to look at).
 */
export function reasonSaysAll(reason: RunReason | null): boolean {
  return (
    reason === "upstream_busy" || reason === "products_failed" || reason === "interrupted" || reason === "process_ended"
  );
}
