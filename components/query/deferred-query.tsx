"use client";

import { lazy, Suspense, useCallback, useState, type ReactNode } from "react";

import type { ProbeOptions, ProbeResult } from "./query-probe";

// lazy() drops the probe's type parameter: it is given back here.
const QueryProbe = lazy(() => import("./query-probe")) as unknown as <T>(props: {
  options: ProbeOptions<T>;
  onResult: (result: ProbeResult<T>) => void;
}) => ReactNode;

/**
 * A react-query query whose library is loaded only once it is first enabled (a search field
 * focused or typed in, a panel opened), so that it is not in the first-load JavaScript of every
 * page. Render the returned `probe` anywhere in the component; while the library loads, an enabled
 * query reads as loading, or as its initial data when it has some.
 */
export function useDeferredQuery<T>(options: ProbeOptions<T>): ProbeResult<T> & { probe: ReactNode } {
  const [started, setStarted] = useState(false);
  const [result, setResult] = useState<ProbeResult<T> & { key: string }>({
    data: undefined,
    isLoading: false,
    isError: false,
    key: "",
  });
  if (options.enabled && !started) setStarted(true);
  const key = JSON.stringify(options.queryKey);
  const onResult = useCallback((next: ProbeResult<T>) => setResult({ ...next, key }), [key]);
  // Until the probe has answered for this key, an enabled query has its initial data, or is loading.
  const current = result.key === key;
  return {
    data: current ? result.data : options.initialData,
    isLoading: current ? result.isLoading : options.enabled && options.initialData === undefined,
    isError: current ? result.isError : false,
    probe: started ? (
      <Suspense fallback={null}>
        <QueryProbe<T> options={options} onResult={onResult} />
      </Suspense>
    ) : null,
  };
}
