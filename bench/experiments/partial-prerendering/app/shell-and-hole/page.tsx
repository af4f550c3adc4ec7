import { Suspense } from "react";

import { CartCount } from "../cart-count";
import { Cards } from "../cards";

/** The cards are the same for everyone and the cart count is the one hole: a static shell under Cache Components, the whole page per request without. */
export default function Page() {
  return (
    <main>
      <h1>Category</h1>
      <Suspense fallback={<p>Cart: …</p>}>
        <CartCount />
      </Suspense>
      <Cards />
    </main>
  );
}
