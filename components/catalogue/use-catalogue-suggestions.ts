"use client";

import { useDeferredQuery } from "@/components/query/deferred-query";
import { useDebounced } from "@/components/ui/use-debounced";
import type { Suggestion } from "@/lib/catalogue/search-catalogue";

/** What a scanner types: a barcode is looked up whole, not suggested for. */
const BARCODE = /^\d{8,14}$/;

/** At least this many characters before the catalogue is asked. */
const MIN_CHARACTERS = 2;

const DEBOUNCE_MS = 150;

async function fetchSuggestions(query: string, signal: AbortSignal): Promise<Suggestion[]> {
  const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(query)}`, { signal });
  if (!response.ok) return [];
  return ((await response.json()) as { items: Suggestion[] }).items;
}

/**
 * The catalogue's suggestions for what a person is typing, for the header's search and quick
 * order's SKU fields alike: asked 150 ms after the typing stops, for the trimmed text, from two
 * characters on and never for a barcode; one cache for both (a SKU start typed in one is not asked
 * again in the other for 30 s). `enabled` false (the field closed, or an account without the
 * product list, which the server would refuse) asks nothing and gives none. The query library is
 * loaded when suggestions are first asked for, not with the page: render `probe` in the component.
 */
export function useCatalogueSuggestions(typed: string, enabled: boolean) {
  const query = useDebounced(typed.trim(), DEBOUNCE_MS);
  const asked = enabled && query.length >= MIN_CHARACTERS && !BARCODE.test(query);
  const { data = [], probe } = useDeferredQuery<Suggestion[]>({
    queryKey: ["search-suggestions", query],
    queryFn: ({ signal }) => fetchSuggestions(query, signal),
    enabled: asked,
    staleTime: 30_000,
  });
  return { asked, suggestions: asked ? data : [], probe };
}
