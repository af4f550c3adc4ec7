"use client";

import { useQuery, type QueryFunction, type QueryKey } from "@tanstack/react-query";
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
  const { data, isLoading, isError } = useQuery(
    { queryKey: options.queryKey, queryFn: options.queryFn, enabled: options.enabled, staleTime: options.staleTime },
    client,
  );
  useEffect(() => onResult({ data, isLoading, isError }), [data, isLoading, isError, onResult]);
  return null;
}
