/**
 * Keeps a finished render from holding on to other requests' renders (issue 19, memory after the load).
 *
 * Three things in Node 20 and V8 chain requests together:
 * - an Immediate that has run stays linked (`_idleNext`, `_idlePrev`) to the Immediates that ran beside it;
 * - every Immediate, like every promise, carries the AsyncLocalStorage stores of the request that made it;
 * - an Error keeps its stack as frames until something reads `error.stack`, and each frame holds its
 *   receiver: for code that setImmediate runs, the Immediate.
 * React aborts each render's cache signal with an Error made in such a callback ("This render completed
 * successfully…") and the signal keeps it as its reason. So a render kept alive by anything long-lived
 * (a module loaded during a request keeps that request's stores) kept, through its reason's frames and
 * the Immediates linked to them, renders of other requests, and theirs kept others: with 50 sessions
 * browsing product and category pages, the portal's heap held 181 MB after 800 pages and 418 MB after
 * 2,400, after full collections (bench/issue-19-experiments.md).
 *
 * Reading the reason's stack when a signal aborts turns its frames into text, so the reason keeps
 * nothing but its message and that text. nodejs/node#66129 describes the same chain.
 */

const INSTALLED = Symbol.for("dealer-portal.abort-reason-stacks");

/** From now on, every `AbortController.abort()` leaves its signal's reason with its stack as text. */
export function formatAbortReasonStacks(): void {
  const holder = globalThis as { [INSTALLED]?: true };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const abort = AbortController.prototype.abort;
  AbortController.prototype.abort = function abortWithFormattedReason(this: AbortController, reason?: unknown) {
    abort.call(this, reason);
    // The reason given, or the AbortError the signal made when none was: both are Errors.
    const kept: unknown = this.signal.reason;
    if (kept instanceof Error) void kept.stack;
  };
}
