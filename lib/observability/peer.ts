/**
 * Header the standalone server's wrapper sets to the connection's own address, or "forwarded" when the
 * request came through a proxy (a client cannot set it: the wrapper replaces it).
 */
export const PEER_HEADER = "x-portal-peer";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether a connection's address (or the `PEER_HEADER` value, "forwarded" behind a proxy) is this machine. */
export function isLoopbackPeer(peer: string | null | undefined): boolean {
  return LOOPBACK.test(peer ?? "");
}
