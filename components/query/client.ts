"use client";

import { QueryClient } from "@tanstack/react-query";
import { useState } from "react";

let browserClient: QueryClient | undefined;

function create(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

/**
 * The query cache of the components that fetch in the browser (search suggestions, the customer
 * switcher, live order status, quick order). No provider in the layout: each user passes this client
 * to its hooks, so react-query is loaded only by the pages (or the moment) that need it. One cache
 * per tab in the browser; on the server a new one per render, never shared between users.
 */
export function usePortalQueryClient(): QueryClient {
  const [client] = useState(() => {
    if (typeof window === "undefined") return create();
    if (!browserClient) {
      browserClient = create();
      browserClient.mount();
    }
    return browserClient;
  });
  return client;
}
