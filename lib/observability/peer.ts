/**
 * PEER_HEADER: the standalone server's wrapper sets it to the connection's own address, or "forwarded" when
 * the request came through a proxy (a client cannot set it: the wrapper replaces it).
 */
import { PEER_HEADER } from "@/scripts/server-contract.cjs";

export { PEER_HEADER };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether a connection's address (or the `PEER_HEADER` value, "forwarded" behind a proxy) is this machine. */
export function isLoopbackPeer(peer: string | null | undefined): boolean {
  return LOOPBACK.test(peer ?? "");
}
