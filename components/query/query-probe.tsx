"use client";

import { useQuery, type Query, type QueryFunction, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";

import { usePortalQueryClient } from "./client";

export interface ProbeResult<T> {
  data: T | undefined;
  isLoading: boolean;
  isError: boolean;
}

export interface ProbeOptions<T> {
  queryKey: QueryKey;
  queryFn: QueryFunction<T>;
  enabled: boolean;
  staleTime?: number;
  /** What the page already shows (rendered on the server): the query's data until it has fetched. */
  initialData?: T;
  /** Fetch again after so many milliseconds while the tab is visible, or stop (false). */
  refetchInterval?: (query: Query<T>) => number | false;
  /** Whether a failed fetch is tried again at once (the portal's client tries once more). */
  retry?: boolean;
}

/** Runs one query with the portal's client and hands its result up: loaded on demand by useDeferredQuery. */
export default function QueryProbe<T>({
  options,
  onResult,
}: {
  options: ProbeOptions<T>;
  onResult: (result: ProbeResult<T>) => void;
}) {
  const client = usePortalQueryClient();
  // An option given as undefined would override the client's default (a stale time of 0 fetches
  // initial data again at once): only those given are passed.
  const { data, isLoading, isError } = useQuery(
    {
      queryKey: options.queryKey,
      queryFn: options.queryFn,
      enabled: options.enabled,
      ...(options.staleTime === undefined ? {} : { staleTime: options.staleTime }),
      ...(options.initialData === undefined ? {} : { initialData: options.initialData }),
      ...(options.refetchInterval === undefined ? {} : { refetchInterval: options.refetchInterval }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    },
    client,
  );
  useEffect(() => onResult({ data, isLoading, isError }), [data, isLoading, isError, onResult]);
  return null;
}
