import { Cards } from "../cards";

/** No per-user part at all: prerendered at build time in both builds, served as a file. */
export default function Page() {
  return (
    <main>
      <h1>Category</h1>
      <Cards />
    </main>
  );
}
