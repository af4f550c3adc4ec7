import { cookies } from "next/headers";

/** The per-user part: read from the request (a cookie), so never in a shared render. */
export async function CartCount() {
  const jar = await cookies();
  return <p>Cart: {jar.get("cart")?.value ?? 0} lines</p>;
}
