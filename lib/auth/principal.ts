import type { SessionToken } from "./session-types";

/**
 * Who is asking, as every use case sees it: the person, their own customer, what the upstream
 * allows them, and the customer they act for. Derived from the server-side session; never from
 * anything the browser sends.
 */
export interface Principal {
  /** The person: their email as the upstream knows it, lower case (or customer code and name). */
  userKey: string;
  name: string;
  email: string | null;
  /** Their own customer code. */
  customerCode: string;
  companyName: string | null;
  permissions: readonly string[];
  features: readonly string[];
  /** The customer they act for: their own unless wholesaler staff switched. */
  activeCustomerCode: string;
  activeCompanyName: string | null;
}

export function userKeyOf(session: Pick<SessionToken, "email" | "name" | "customerCode">): string {
  return (session.email ?? `${session.customerCode}:${session.name}`).toLowerCase();
}

export function principalOf(session: SessionToken): Principal {
  return {
    userKey: userKeyOf(session),
    name: session.name,
    email: session.email,
    customerCode: session.customerCode,
    companyName: session.companyName,
    permissions: session.permissions,
    features: session.features,
    activeCustomerCode: session.activeCustomerCode,
    activeCompanyName: session.activeCompanyName,
  };
}
