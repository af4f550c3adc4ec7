import { connection } from "next/server";
import { Suspense } from "react";

async function Heading() {
  await connection();
  return <h1>Empty</h1>;
}

/** A page with nothing on it, rendered per request. */
export default function Page() {
  return (
    <main>
      <Suspense fallback={null}>
        <Heading />
      </Suspense>
    </main>
  );
}
