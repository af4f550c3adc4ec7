import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { upstreamLooksDown } from "@/lib/upstream/availability";

import { actingFor, isStaff } from "./policy";

export interface ShellState {
  /** Wholesaler staff: the customer switcher and the admin link. */
  staff: boolean;
  /** The customer staff act for (the banner on every page), or undefined. */
  actingFor: string | undefined;
  /** The wholesaler did not answer lately: a banner says so. */
  upstreamDown: boolean;
}

/** What the frame of every signed-in page shows about who acts for whom, read through the acting policy. */
export function shellState(session: SessionToken): ShellState {
  return { staff: isStaff(session), actingFor: actingFor(session), upstreamDown: upstreamLooksDown() };
}
