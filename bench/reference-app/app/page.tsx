/** Rendered per request like the portal's pages; a heading and sixteen links, the shape of the catalogue's first page. */
export const dynamic = "force-dynamic";

export default function ReferencePage() {
  return (
    <main>
      <h1>Catalogue</h1>
      <ul>
        {Array.from({ length: 16 }, (_, index) => (
          <li key={index}>
            <a href={`/categories/${index + 1}`}>Category {index + 1}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
