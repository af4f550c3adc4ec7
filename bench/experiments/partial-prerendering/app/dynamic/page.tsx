import { Suspense } from "react";

import { CartCount } from "../cart-count";
import { Cards } from "../cards";

async function Everything() {
  return (
    <main>
      <h1>Category</h1>
      <CartCount />
      <Cards />
    </main>
  );
}

/** The whole page depends on the request: nothing to prerender in either build. */
export default function Page() {
  return (
    <Suspense fallback={null}>
      <Everything />
    </Suspense>
  );
}
