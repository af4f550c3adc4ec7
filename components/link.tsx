import NextLink from "next/link";

/**
 * The portal's link: next/link (client-side navigation) without viewport prefetch. Prefetching every
 * link in view renders a page on the server per link (an upstream call per order row) and leaves the
 * phone decoding them after load; a tap costs one round trip instead. ESLint points imports of
 * next/link here.
 */
export function Link(props: Omit<React.ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
