"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and while React hydrates what it rendered, true after: a form
 * keeps the server action as its action (a native post) until then, and takes the client's
 * handling (optimistic update, caught failures) once React runs.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
