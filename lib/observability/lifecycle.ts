/**
 * The process's life: whether it is shutting down (readiness answers 503 from then on) and what to close
 * at the end. The standalone server's wrapper (scripts/server-wrapper.cjs) sets `shuttingDown` on SIGTERM
 * and calls the shutdown hook once the requests in flight finished; the state lives on globalThis
 * because the wrapper runs outside the portal's bundles.
 */
import { LIFECYCLE, SERVER_HOOKS } from "@/scripts/server-contract.cjs";

import type { FinishedRequest } from "./requests";

interface LifecycleState {
  shuttingDown: boolean;
  startedAt: number;
}

export interface ServerHooks {
  onRequestEnd?: (request: FinishedRequest) => void;
  shutdown?: () => Promise<void>;
}

type Holder = { [LIFECYCLE]?: LifecycleState; [SERVER_HOOKS]?: ServerHooks };

function state(): LifecycleState {
  const holder = globalThis as Holder;
  holder[LIFECYCLE] ??= { shuttingDown: false, startedAt: Date.now() };
  return holder[LIFECYCLE];
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/** Marks the process as shutting down (also done by the wrapper on SIGTERM). */
export function beginShutdown(): void {
  state().shuttingDown = true;
}

/** Installs the hooks the standalone server's wrapper calls. */
export function installServerHooks(hooks: ServerHooks): void {
  const holder = globalThis as Holder;
  holder[SERVER_HOOKS] = { ...holder[SERVER_HOOKS], ...hooks };
}
