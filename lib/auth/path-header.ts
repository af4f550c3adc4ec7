/** Request header the proxy sets to the path and query being rendered, for return links. */
export const PATH_HEADER = "x-portal-path";
