/**
 * A camera sees the same barcode many times a second while it is in view.
 * `accept(code, now)` is true for a code not seen in the last `windowMs`; each
 * sighting restarts its window, so a code held in view is taken once, and again
 * only after it has been out of view for the window.
 */
export function createRepeatFilter(windowMs = 2_000) {
  const lastSeen = new Map<string, number>();
  return {
    accept(code: string, now: number): boolean {
      const last = lastSeen.get(code);
      lastSeen.set(code, now);
      if (lastSeen.size > 64) {
        for (const [key, time] of lastSeen) if (now - time > windowMs) lastSeen.delete(key);
      }
      return last === undefined || now - last > windowMs;
    },
    /** Forgets a code, so that it is taken at its next sighting (after the dealer dismissed its result). */
    forget(code: string) {
      lastSeen.delete(code);
    },
  };
}

export type RepeatFilter = ReturnType<typeof createRepeatFilter>;
