/**
 * The address of the client behind a request, for the sign-in limits.
 *
 * Next's App Router does not give a route handler its connection's address, and `next start`
 * fills in `X-Forwarded-For` from the socket only when the client sent none: a client can choose
 * that header. So the Node server stamps every request, before Next sees it, with the address of
 * its connection in an internal header, signed with a key made at start (a client-sent copy is
 * replaced, and one sent to a server without the stamp does not verify).
 *
 * The client's address is then:
 * - with TRUSTED_PROXY_HOPS=0 (the default): the connection's address; X-Forwarded-For is ignored;
 * - with N trusted proxies in front: the N-th address from the right of X-Forwarded-For (each
 *   proxy appends the address it was reached from), never the leftmost, which the client writes.
 */

export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";

const KEY = Symbol.for("dealer-portal.client-address-key");
type Holder = { [KEY]?: string };

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (typeof (source as Headers).get === "function") return (source as Headers).get(name) ?? undefined;
  const value = (source as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : undefined;
}

/** The key of this process; made on first use. */
function processKey(): string {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    holder[KEY] = Buffer.from(bytes).toString("base64url");
  }
  return holder[KEY];
}

/** An address as one form: IPv4-mapped IPv6 as IPv4, lower case, no port or brackets. */
export function normalAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim().toLowerCase();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") > 0 ? address.indexOf("]") : undefined);
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && address.includes(".")) address = address.slice(7);
  if (!/^[0-9a-f:.]{2,45}$/.test(address)) return null;
  return address;
}

/** The value the stamp puts in CLIENT_ADDRESS_HEADER for a connection from `address`. */
export function stampValue(address: string | undefined): string {
  return `${processKey()} ${normalAddress(address) ?? "unknown"}`;
}

/** The connection's address from a verified stamp, or null. */
export function stampedAddress(headers: HeaderSource): string | null {
  const value = header(headers, CLIENT_ADDRESS_HEADER);
  const holder = globalThis as Holder;
  if (!value || !holder[KEY]) return null;
  const [key, address] = value.split(" ");
  return key === holder[KEY] && address ? address : null;
}

/** The client's address as the configured proxies in front of the portal report it. */
export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string {
  const socket = stampedAddress(headers);
  if (trustedProxyHops <= 0) return socket ?? "unknown";
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = forwarded[forwarded.length - trustedProxyHops];
  return normalAddress(chosen) ?? socket ?? "unknown";
}

type Listener = { emit: (event: string | symbol, ...args: unknown[]) => boolean };

/**
 * Stamps every request a Node HTTP(S) server of this process receives with its connection's
 * address. Called once at start (instrumentation), before the first request.
 */
export async function stampClientAddresses(): Promise<void> {
  const holder = globalThis as Holder & { [key: symbol]: unknown };
  const installed = Symbol.for("dealer-portal.client-address-stamp");
  if (holder[installed]) return;
  holder[installed] = true;
  const http = await import("node:http");
  const https = await import("node:https");
  for (const prototype of [http.Server.prototype, https.Server.prototype] as unknown as Listener[]) {
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };
        request.headers[CLIENT_ADDRESS_HEADER] = stampValue(request.socket?.remoteAddress);
      }
      return emit.call(this, event, ...args);
    };
  }
}
