/**
 * Who may call the API: the demo accounts, the service token of the portal's
 * catalogue sync, and the bearer tokens POST /auth/token issues (Sanctum-style
 * "id|secret"). Token lifetimes run on real time, not the simulated clock, so
 * a fast clock does not log everyone out; /__sim/tokens/expire ends them early.
 */
import { randomBytes } from "node:crypto";
import { WHOLESALER_CODE } from "./dataset/companies.js";

export const PERMISSION_COMPANIES = "companies";
export const FEATURE_PRODUCT_LIST = "PRODUCT_LIST";
export const DEMO_PASSWORD = "demo1234";

export interface Principal {
  name: string;
  email: string;
  customerCode: string;
  permissions: string[];
  features: string[];
}

export const DEMO_ACCOUNTS: readonly Principal[] = [
  {
    name: "Daan de Vries",
    email: "dealer@acme.example",
    customerCode: "EA00001",
    permissions: [],
    features: [FEATURE_PRODUCT_LIST],
  },
  {
    // A second user of the same customer (its stock room): what the customer owns, both see.
    name: "Sanne Jansen",
    email: "warehouse@acme.example",
    customerCode: "EA00001",
    permissions: [],
    features: [FEATURE_PRODUCT_LIST],
  },
  {
    name: "Wendy Groothandel",
    email: "admin@wholesaler.example",
    customerCode: WHOLESALER_CODE,
    permissions: [PERMISSION_COMPANIES],
    features: [FEATURE_PRODUCT_LIST],
  },
  { name: "Bram Bakker", email: "limited@bakker.example", customerCode: "EA00002", permissions: [], features: [] },
];

const SERVICE_PRINCIPAL: Principal = {
  name: "Portal catalogue sync",
  email: "sync@wholesaler.example",
  customerCode: WHOLESALER_CODE,
  permissions: [PERMISSION_COMPANIES],
  features: [FEATURE_PRODUCT_LIST],
};

export function can(principal: Principal, permission: string): boolean {
  return principal.permissions.includes(permission);
}

export function hasFeature(principal: Principal, feature: string): boolean {
  return principal.features.includes(feature);
}

export interface IssuedToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

interface TokenRecord {
  principal: Principal;
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private issued = 0;
  /** Permissions and features changed by /__sim/users/access, by email; they apply to every token of the user. */
  private readonly access = new Map<string, Pick<Principal, "permissions" | "features">>();

  constructor(
    private readonly realNow: () => number,
    private readonly ttlSeconds: number,
    serviceToken: string,
  ) {
    this.tokens.set(serviceToken, { principal: SERVICE_PRINCIPAL, expiresAt: Number.POSITIVE_INFINITY });
  }

  /** The account with these credentials (email case-insensitive), if any. */
  static login(username: string, password: string): Principal | undefined {
    const account = DEMO_ACCOUNTS.find((a) => a.email === username.trim().toLowerCase());
    return account && password === DEMO_PASSWORD ? account : undefined;
  }

  issue(principal: Principal): IssuedToken {
    this.issued++;
    if (this.issued % 1000 === 0) this.prune();
    const token = `${this.issued}|${randomBytes(20).toString("hex")}`;
    this.tokens.set(token, { principal, expiresAt: this.realNow() + this.ttlSeconds * 1000 });
    return { access_token: token, token_type: "Bearer", expires_in: this.ttlSeconds };
  }

  private prune(): void {
    const now = this.realNow();
    for (const [token, record] of this.tokens) if (record.expiresAt <= now) this.tokens.delete(token);
  }

  /** The principal of a live token. */
  resolve(token: string): Principal | undefined {
    const record = this.tokens.get(token);
    if (!record || record.expiresAt <= this.realNow()) return undefined;
    const changed = this.access.get(record.principal.email);
    return changed ? { ...record.principal, ...changed } : record.principal;
  }

  /** Changes what a user may do from now on, on every token they hold (a test lever). */
  setAccess(email: string, access: Partial<Pick<Principal, "permissions" | "features">>): Principal | undefined {
    const account = DEMO_ACCOUNTS.find((a) => a.email === email.trim().toLowerCase());
    if (!account) return undefined;
    const current = this.access.get(account.email) ?? { permissions: account.permissions, features: account.features };
    const next = {
      permissions: access.permissions ?? current.permissions,
      features: access.features ?? current.features,
    };
    this.access.set(account.email, next);
    return { ...account, ...next };
  }

  /** Every token still held (the service token included), for tests that check none leaks. */
  list(): Array<{ token: string; email: string; service: boolean; expires_at: string | null; expired: boolean }> {
    const now = this.realNow();
    return [...this.tokens].map(([token, record]) => ({
      token,
      email: record.principal.email,
      service: record.principal === SERVICE_PRINCIPAL,
      expires_at: Number.isFinite(record.expiresAt) ? new Date(record.expiresAt).toISOString() : null,
      expired: record.expiresAt <= now,
    }));
  }

  /** Ends one token (the service token included); false if it was unknown. */
  expireToken(token: string): boolean {
    const record = this.tokens.get(token);
    if (!record) return false;
    record.expiresAt = 0;
    return true;
  }

  /** Ends every token of the account with this email; returns how many were live. */
  expireUser(email: string): number {
    let count = 0;
    const now = this.realNow();
    for (const record of this.tokens.values()) {
      if (record.principal.email === email.toLowerCase() && record.expiresAt > now) {
        record.expiresAt = 0;
        count++;
      }
    }
    return count;
  }
}
