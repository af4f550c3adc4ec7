"use client";

import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { useDeferredQuery } from "@/components/query/deferred-query";
import { isFinalStatus, normaliseOrderStatus, type OrderStatus } from "@/lib/domain/order";

import { OrderStatusBadge } from "./order-status-badge";

/** How often a status that is not final is asked again. */
export const STATUS_REFRESH_MS = 10_000;

export interface StatusSnapshot {
  status: OrderStatus;
  statusRaw: string;
  /** ISO 8601, or null when unknown. */
  updatedAt: string | null;
}

/**
 * The status route's answer (app/(portal)/orders/[id]/status), checked by hand rather than with
 * zod: three fields are not worth the 17 kB (gzip) zod adds to the order page. Anything else is a
 * failed refresh, said as one.
 */
function snapshotOf(body: unknown): StatusSnapshot {
  const answer = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const { status, statusRaw, updatedAt } = answer;
  if (typeof status !== "string" || typeof statusRaw !== "string") throw new StatusAnswerError();
  if (updatedAt !== null && (typeof updatedAt !== "string" || Number.isNaN(Date.parse(updatedAt))))
    throw new StatusAnswerError();
  return { status: normaliseOrderStatus(status), statusRaw, updatedAt };
}

class StatusAnswerError extends Error {
  constructor() {
    super("order status: an answer of the wrong shape");
  }
}

class StatusRequestError extends Error {
  constructor(readonly status: number) {
    super(`order status: ${status}`);
  }
}

/**
 * The order's status, refreshed in the background from the wholesaler's
 * status endpoint (through /orders/{id}/status) every ten seconds until it is
 * final. A change is announced politely and the rest of the page (timeline,
 * shipments) is re-rendered on the server, without reloading the page.
 */
export function LiveOrderStatus({ orderId, initial }: { orderId: string; initial: StatusSnapshot }) {
  const t = useTranslations("orders.detail");
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  // The query library is loaded after the page, and only for an order whose status can still change.
  const query = useDeferredQuery<StatusSnapshot>({
    queryKey: ["order-status", orderId],
    queryFn: async ({ signal }): Promise<StatusSnapshot> => {
      const response = await fetch(`/orders/${encodeURIComponent(orderId)}/status`, {
        signal,
        cache: "no-store",
        headers: { Accept: "application/json" },
      });
      if (response.status === 401) {
        // A full navigation on purpose: /session-expired is a route handler that clears the session cookies.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign(`/session-expired?from=${encodeURIComponent(pathname)}`);
      }
      if (!response.ok) throw new StatusRequestError(response.status);
      return snapshotOf(await response.json());
    },
    enabled: !isFinalStatus(initial.status),
    initialData: initial,
    refetchInterval: (current) => {
      const error = current.state.error;
      if (error instanceof StatusRequestError && (error.status === 404 || error.status === 401)) return false;
      return isFinalStatus(current.state.data?.status ?? "unknown") ? false : STATUS_REFRESH_MS;
    },
    retry: false,
  });

  const data = query.data ?? initial;
  const seen = useRef(`${initial.status}|${initial.updatedAt}`);
  useEffect(() => {
    const key = `${data.status}|${data.updatedAt}`;
    if (key === seen.current) return;
    seen.current = key;
    router.refresh();
  }, [data.status, data.updatedAt, router]);

  const updatedAt = data.updatedAt ? new Date(data.updatedAt) : null;
  const live = !isFinalStatus(data.status);
  return (
    <div>
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label={t("statusRegion")}
        data-testid="order-status"
      >
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <OrderStatusBadge status={data.status} raw={data.statusRaw} />
          {updatedAt ? (
            <span className="text-sm text-slate-700">{t("since", { time: format.dateTime(updatedAt, "long") })}</span>
          ) : null}
        </span>
      </div>
      {live ? (
        <p className="no-print mt-1 text-xs text-slate-600">{query.isError ? t("refreshFailed") : t("refreshing")}</p>
      ) : null}
      {query.probe}
    </div>
  );
}
