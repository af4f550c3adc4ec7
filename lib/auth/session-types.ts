/**
 * What the session cookie holds (encrypted by next-auth) and what the browser
 * may see of it. The upstream token is only in `SessionToken`.
 */
export interface SessionToken {
  /** The id of the session's record (portal_sessions): the server ends a session there. */
  sessionId: string;
  upstreamToken: string;
  /** Epoch milliseconds when the upstream token stops working, or null when unknown. */
  upstreamExpiresAt: number | null;
  name: string;
  email: string | null;
  customerCode: string;
  companyName: string | null;
  permissions: string[];
  features: string[];
  /** The customer the user acts for; their own unless wholesaler staff switched. */
  activeCustomerCode: string;
  activeCompanyName: string | null;
}

/** The part of the session pages and the shell show (rendered on the server). */
export interface PublicSession {
  name: string;
  email: string | null;
  customerCode: string;
  companyName: string | null;
  permissions: string[];
  features: string[];
  activeCustomerCode: string;
  activeCompanyName: string | null;
  canActForCustomers: boolean;
}

/** The user's company as the header names it: "Acme Corporation (EA00001)", or the code alone. */
export function companyLabel(session: Pick<PublicSession, "companyName" | "customerCode">): string {
  return session.companyName ? `${session.companyName} (${session.customerCode})` : session.customerCode;
}
