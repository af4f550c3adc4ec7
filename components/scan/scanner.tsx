"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";

import { useCartCount } from "@/components/cart/cart-context";
import { addToCart, subtractFromCart } from "@/lib/cart/actions";
import { Link } from "@/components/link";
import { Button } from "@/components/ui/button";
import { normaliseCode } from "@/lib/scan/codes";
import { createRepeatFilter } from "@/lib/scan/repeat-filter";

import { lookUpTypedCode, lookupScannedCode } from "@/lib/scan/actions";
import type { ScanLookupResult, ScannedProduct } from "@/lib/scan/scan-code";
import { signalRead, unlockSound } from "./feedback";
import { keepScanOffline, useOfflineScanCount, useOnline } from "./offline-scans";
import { ScannedProductCard, UnknownCode } from "./scan-result";
import { useBarcodeCamera } from "./use-barcode-camera";

type Current =
  | { kind: "looking"; code: string }
  | { kind: "found"; code: string; product: ScannedProduct; quantity: number }
  | { kind: "unknown"; code: string; checkDigitWrong: boolean }
  | { kind: "failed"; code: string }
  | { kind: "invalid"; code: string }
  | { kind: "kept"; code: string }
  | null;

interface AddedEntry {
  id: number;
  sku: string;
  name: string;
  quantity: number;
  state: "added" | "undoing" | "undone";
}

/** The same code read again within this time is the same scan. */
const REPEAT_WINDOW_MS = 2_000;

/**
 * The scan page: the rear camera read for barcodes, a field for typed or
 * keyboard-wedge input, the product found with quantity and one tap to add;
 * continuous mode adds one sales unit per scan, with a running list and undo.
 * Without a connection, scans are kept on the device (see OfflineScanSync).
 */
export function Scanner({
  owner,
  lists = [],
}: {
  owner: string;
  /** The customer's lists, for a found product's "Add to list". */
  lists?: { id: string; name: string }[];
}) {
  const t = useTranslations("scan");
  const tc = useTranslations("cart");
  // Used only for lines added by a scan: the page builds no number formatter as it wakes up.
  const format = useFormatter();
  const { changed } = useCartCount();
  const [continuous, setContinuous] = useState(false);
  const [current, setCurrent] = useState<Current>(null);
  const [added, setAdded] = useState<AddedEntry[]>([]);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState("");
  const [manual, setManual] = useState("");
  const online = useOnline();
  const kept = useOfflineScanCount(owner);
  const manualId = useId();
  const manualRef = useRef<HTMLInputElement>(null);
  const filter = useRef(createRepeatFilter(REPEAT_WINDOW_MS));
  const lookupSeq = useRef(0);
  const entrySeq = useRef(0);
  const continuousRef = useRef(continuous);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    continuousRef.current = continuous;
  }, [continuous]);

  const keepOffline = useCallback(
    (code: string, sku: string | null = null, quantity: number | null = null) => {
      if (keepScanOffline(owner, { code, sku, quantity })) {
        setCurrent({ kind: "kept", code });
        setStatus(t("keptOffline", { code }));
        signalRead("found");
      } else {
        setCurrent({ kind: "invalid", code });
        setStatus(t("notKept", { code }));
      }
    },
    [owner, t],
  );

  const addProduct = useCallback(
    async (product: ScannedProduct, quantity: number, code: string) => {
      setAdding(true);
      try {
        const result = await addToCart({ sku: product.sku, quantity });
        if (!result.ok) {
          setStatus(tc(`errors.${result.error}`));
          signalRead("unknown");
          return;
        }
        changed(result.count, result.changedAt);
        const entry: AddedEntry = {
          id: ++entrySeq.current,
          sku: result.sku,
          name: product.name,
          quantity: result.quantity,
          state: "added",
        };
        setAdded((list) => [entry, ...list]);
        setCurrent((shown) => (shown?.kind === "found" && shown.product.sku === product.sku ? null : shown));
        setStatus(tc("added", { quantity: result.quantity, title: product.name }));
        signalRead("added");
      } catch {
        // The connection went between the look-up and the tap: keep the scan with what was chosen.
        keepOffline(code, product.sku, quantity);
      } finally {
        setAdding(false);
      }
    },
    [keepOffline, tc, changed],
  );

  const handleCode = useCallback(
    async (raw: string, origin: "camera" | "typed") => {
      const code = normaliseCode(raw);
      if (!code) return;
      if (origin === "camera" && !filter.current.accept(code, Date.now())) return;
      const seq = ++lookupSeq.current;
      if (!navigator.onLine) {
        keepOffline(code);
        return;
      }
      setCurrent({ kind: "looking", code });
      setStatus(t("lookingUp", { code }));
      let result: ScanLookupResult;
      try {
        result = await lookupScannedCode({ code });
      } catch {
        keepOffline(code);
        return;
      }
      // One scan at a time: a newer read replaces an older one, except in continuous mode, where each counts.
      if (seq !== lookupSeq.current && !continuousRef.current) return;
      if (!result.ok) {
        signalRead("unknown");
        if (result.error === "unknown") {
          setCurrent({ kind: "unknown", code: result.code, checkDigitWrong: Boolean(result.checkDigitWrong) });
          setStatus(t("unknownShort", { code: result.code }));
        } else {
          setCurrent({ kind: result.error, code: result.code || code });
          setStatus(result.error === "invalid" ? t("invalid") : t("failed", { code }));
        }
        return;
      }
      const { product } = result;
      if (continuousRef.current && product.orderable) {
        setCurrent(null);
        await addProduct(product, product.salesUnitAmount, code);
        return;
      }
      setCurrent({ kind: "found", code, product, quantity: product.salesUnitAmount });
      setStatus(t("found", { name: product.name }));
      signalRead("found");
    },
    [addProduct, keepOffline, t],
  );

  const onCameraRead = useCallback((code: string) => void handleCode(code, "camera"), [handleCode]);
  const {
    videoRef,
    decoder,
    start: startCamera,
    stop: stopCamera,
    state: cameraState,
  } = useBarcodeCamera(onCameraRead);

  useEffect(() => {
    void startCamera();
  }, [startCamera]);

  const cameraUnavailable = cameraState === "denied" || cameraState === "absent" || cameraState === "failed";
  useEffect(() => {
    // A hardware scanner types into the focused field: have it ready when there is no camera.
    if (cameraUnavailable) manualRef.current?.focus();
  }, [cameraUnavailable]);

  async function undo(entry: AddedEntry) {
    unlockSound();
    const mark = (state: AddedEntry["state"]) =>
      setAdded((list) => list.map((item) => (item.id === entry.id ? { ...item, state } : item)));
    mark("undoing");
    try {
      const result = await subtractFromCart({ sku: entry.sku, quantity: entry.quantity });
      if (!result.ok) throw new Error("refused");
      changed(result.count, result.changedAt);
      mark("undone");
      setStatus(t("undone", { quantity: entry.quantity, name: entry.name }));
    } catch {
      mark("added");
      setStatus(t("undoFailed"));
    }
  }

  const cameraBusy = cameraState === "on" || cameraState === "starting";

  // A result (the product and its Add button, an unknown code, a problem, a scan added) is brought
  // into view above the phone's bottom bar: on a phone it appears below the camera and the typed
  // field, off the screen. The status line in the same region says it in words.
  const shown = current && current.kind !== "looking" ? current : null;
  const addedCount = added.length;
  useEffect(() => {
    if (!shown && addedCount === 0) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    resultRef.current?.scrollIntoView({ block: "nearest", behavior: reduced ? "auto" : "smooth" });
  }, [shown, addedCount]);

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="min-w-0 space-y-4">
        <section aria-label={t("camera")} data-camera={cameraState} data-decoder={decoder ?? ""} className="space-y-2">
          <div className="relative aspect-[4/3] w-full overflow-hidden rounded-md bg-slate-900">
            <video
              ref={videoRef}
              muted
              playsInline
              aria-label={t("cameraPicture")}
              className="h-full w-full object-cover"
            />
            {cameraState === "on" ? (
              <div
                aria-hidden="true"
                className="pointer-events-none absolute inset-x-[8%] top-1/2 h-0.5 bg-red-500/90"
              />
            ) : (
              <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white">
                {t(`cameraState.${cameraState}`)}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <Button
              variant="secondary"
              onClick={() => {
                unlockSound();
                if (cameraBusy) stopCamera();
                else void startCamera();
              }}
            >
              {cameraBusy ? t("stopCamera") : t("startCamera")}
            </Button>
            <label className="flex min-h-touch cursor-pointer items-center gap-2 text-sm font-semibold">
              <input
                type="checkbox"
                checked={continuous}
                onChange={(event) => {
                  unlockSound();
                  setContinuous(event.target.checked);
                }}
                className="h-6 w-6 accent-brand-600"
              />
              {t("continuous")}
            </label>
          </div>
          <p className="text-xs text-slate-600">{continuous ? t("continuousHint") : t("singleHint")}</p>
        </section>

        <form
          method="post"
          action={lookUpTypedCode}
          className="space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            unlockSound();
            const value = manual;
            setManual("");
            void handleCode(value, "typed");
          }}
        >
          <label htmlFor={manualId} className="block text-sm font-medium text-slate-800">
            {t("manualLabel")}
          </label>
          <p id={`${manualId}-hint`} className="text-xs text-slate-600">
            {cameraUnavailable ? t("manualHintNoCamera") : t("manualHint")}
          </p>
          <div className="flex gap-2">
            <input
              ref={manualRef}
              id={manualId}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              maxLength={64}
              aria-describedby={`${manualId}-hint`}
              value={manual}
              onChange={(event) => setManual(event.target.value)}
              className="min-h-touch w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 font-mono text-base"
            />
            <Button type="submit" className="shrink-0">
              {t("lookUp")}
            </Button>
          </div>
        </form>
      </div>

      <div className="min-w-0 space-y-4">
        <div ref={resultRef} data-testid="scan-result" className="scroll-mt-4 scroll-mb-24 space-y-4 md:scroll-mb-4">
          <p
            role="status"
            aria-live="polite"
            className="min-h-5 text-sm font-medium text-slate-800"
            data-testid="scan-status"
          >
            {status}
          </p>
          {!online ? (
            <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
              {t("offlineNow")}
            </p>
          ) : null}
          {kept > 0 ? (
            <p className="rounded-md border border-slate-300 bg-white p-3 text-sm" data-testid="kept-scans">
              {t("keptCount", { count: kept })}
            </p>
          ) : null}

          {current?.kind === "found" ? (
            <ScannedProductCard
              product={current.product}
              lists={lists}
              quantity={current.quantity}
              pending={adding}
              onQuantity={(quantity) => setCurrent({ ...current, quantity })}
              onAdd={() => {
                unlockSound();
                void addProduct(current.product, current.quantity, current.code);
              }}
              onDismiss={() => setCurrent(null)}
            />
          ) : current?.kind === "unknown" ? (
            <UnknownCode code={current.code} checkDigitWrong={current.checkDigitWrong} />
          ) : current?.kind === "failed" ? (
            <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
              <p>{t("failed", { code: current.code })}</p>
              <Button variant="secondary" onClick={() => void handleCode(current.code, "typed")}>
                {t("retry")}
              </Button>
            </div>
          ) : current?.kind === "invalid" ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
              {t("invalid")}
            </p>
          ) : null}
        </div>

        <section aria-labelledby="scan-added" className="space-y-2">
          <h2 id="scan-added" className="text-lg font-semibold">
            {t("addedHeading")}
          </h2>
          {added.length ? (
            <ul
              className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
              data-testid="scan-added"
            >
              {added.map((entry) => (
                <li key={entry.id} className="flex items-center gap-3 px-3 py-2 text-sm" data-state={entry.state}>
                  <span className={`min-w-0 flex-1 ${entry.state === "undone" ? "text-slate-500 line-through" : ""}`}>
                    <span className="font-semibold">{format.number(entry.quantity)} ×</span> {entry.name}{" "}
                    <span className="font-mono text-xs text-slate-600">{entry.sku}</span>
                  </span>
                  {entry.state === "undone" ? (
                    <span className="shrink-0 text-xs font-semibold text-slate-600">{t("undoneShort")}</span>
                  ) : (
                    <Button
                      variant="ghost"
                      className="shrink-0"
                      disabled={entry.state === "undoing"}
                      aria-label={t("undoLabel", { quantity: entry.quantity, name: entry.name })}
                      onClick={() => void undo(entry)}
                    >
                      {t("undo")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("nothingAdded")}</p>
          )}
          {added.some((entry) => entry.state !== "undone") ? (
            <Link href="/cart" className="inline-flex min-h-touch items-center font-semibold text-brand-700 underline">
              {t("toCart")}
            </Link>
          ) : null}
        </section>
      </div>
    </div>
  );
}
