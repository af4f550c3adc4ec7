/** A page's search parameters as Next hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The query as it came, in its own order ("?status=shipped&from=&to=" from a GET form with empty
 * fields): a page compares it with its canonical query and redirects when they differ.
 */
export function rawQuery(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) query.append(name, item);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
