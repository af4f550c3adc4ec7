/**
 * Whether the wholesaler answered lately, from the calls this process made
 * (the catalogue sync calls it every minute). Kept on globalThis: Next may load
 * this module more than once in a process.
 */
const KEY = Symbol.for("dealer-portal.upstream-availability");
type State = { lastSuccess: number; lastFailure: number };
type Holder = { [KEY]?: State };

function state(): State {
  const holder = globalThis as Holder;
  holder[KEY] ??= { lastSuccess: 0, lastFailure: 0 };
  return holder[KEY];
}

export function recordUpstreamAnswer(reachable: boolean, now = Date.now()): void {
  if (reachable) state().lastSuccess = now;
  else state().lastFailure = now;
}

/** Down: the latest calls within the last two minutes failed to reach it, and none reached it since. */
export function upstreamLooksDown(now = Date.now()): boolean {
  const { lastSuccess, lastFailure } = state();
  return lastFailure > lastSuccess && now - lastFailure < 120_000;
}
