import { cookies } from "next/headers";

export const VAT_COOKIE = "prices_vat";

/** Whether the dealer chose to see prices including VAT (remembered in a cookie). */
export async function showsPricesIncVat(): Promise<boolean> {
  return (await cookies()).get(VAT_COOKIE)?.value === "inc";
}
