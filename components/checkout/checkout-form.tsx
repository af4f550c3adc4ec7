"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { useForm, useWatch } from "react-hook-form";

import { CheckoutAddressBook, type PickableAddress } from "@/components/address-book/checkout-address-book";
import { ADDRESS_AUTOCOMPLETE } from "@/lib/address-book/fields";
import { deferredResolver } from "@/components/forms/deferred-resolver";
import { Button } from "@/components/ui/button";
import { FieldError, TextField } from "@/components/ui/text-field";
import { COUNTRIES, EMPTY_DROPSHIP } from "@/lib/checkout/delivery-address";
import { REFERENCE_MAX } from "@/lib/checkout/limits";
import type { CheckoutField, CheckoutInput } from "@/lib/checkout/schema";

import { checkoutFormAction, submitOrder } from "@/lib/checkout/actions";
import type { PlaceOrderResult } from "@/lib/checkout/place-order";
import { refusalsAt, type RefusalPlace } from "@/lib/checkout/wholesaler-refusals";
import {
  INITIAL_CHECKOUT_STATE,
  stateAfterPlacing,
  type CheckoutFormState,
  type CheckoutProblem,
} from "@/lib/checkout/form-state";

import { AlreadyOrdered } from "./already-ordered";

type CheckoutStep = CheckoutFormState["step"];

/** The details' check: the server action's schema, loaded when the form is first used. */
const detailsCheck = deferredResolver(() => import("./details-resolver").then((module) => module.checkoutResolver));

export interface CheckoutLine {
  sku: string;
  title: string;
  quantity: number;
  /**
   * The line's total at list prices excluding VAT, as the server wrote it; null when the price is on
   * request. Figures come formatted: a formatter built here would load the browser's number data
   * while the page wakes up (e2e/page-load-work.spec.ts).
   */
  totalExVat: string | null;
  /** The line at the dealer's last price paid, said to be an estimate (lib/purchases); none when unknown. */
  estimate?: React.ReactNode;
}

export interface CheckoutProps {
  attemptId: string;
  lines: CheckoutLine[];
  /** The cart's totals (components/cart/cart-totals.tsx), rendered by the server for the same reason. */
  totals: React.ReactNode;
  nonDropshipableSkus: string[];
  bigParcelSkus: string[];
  ownAddress: string[] | null;
  canPlaceTestOrders: boolean;
  /** The customer's saved drop-ship addresses (lib/address-book). */
  savedAddresses?: readonly PickableAddress[];
}

/**
 * The checkout: the details, then a summary with the final button. Both are forms whose action is
 * the server action (lib/checkout/actions.ts checkoutFormAction): tapped before hydration or
 * without JavaScript they post, and the page comes back with the next step, or the details with
 * their messages and everything typed, or the confirmation. Once hydrated, the details are checked
 * here with the same zod schema (loaded when the form is first used) and the order is sent by
 * submitOrder, without leaving the page.
 * The dealer is told plainly what happened to every submission; the cart is kept unless the order
 * was placed. The attempt id the order is sent under is rendered by the server into the form.
 */
const SUMMARY_HEADING = "checkout-summary";

export function CheckoutForm(props: CheckoutProps) {
  const t = useTranslations("checkout");
  const tc = useTranslations("cart");
  const router = useRouter();
  const [posted, formAction, postPending] = useActionState(checkoutFormAction, INITIAL_CHECKOUT_STATE);
  const [step, setStep] = useState<CheckoutStep>(posted.step);
  const [problem, setProblem] = useState<CheckoutProblem | null>(posted.problem);
  const [lineErrors, setLineErrors] = useState<Record<string, string>>(posted.lines);
  // Messages of a native post, shown until the form is checked here.
  const [postedFields, setPostedFields] = useState(posted.fields);
  const [seen, setSeen] = useState(posted);
  const [sending, startTransition] = useTransition();
  const pending = sending || postPending;
  // What the fields show when the page is drawn (what was posted, or nothing yet): rendered into the
  // HTML, so a page answering a post shows everything typed before any script runs.
  const initial: CheckoutInput = {
    ...(posted.values ?? { reference: "", notes: "", test: false, delivery: "own", ...EMPTY_DROPSHIP }),
    attemptId: posted.attemptId || props.attemptId,
  };
  const form = useForm<CheckoutInput>({
    resolver: detailsCheck.resolver,
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, formState, setError, setValue, getValues, control, reset } = form;
  if (seen !== posted) {
    // A post answered after hydration began (a tap React replayed): show its answer.
    setSeen(posted);
    setStep(posted.step);
    setProblem(posted.problem);
    setLineErrors(posted.lines);
    setPostedFields(posted.fields);
    if (posted.values) reset({ ...posted.values, attemptId: posted.attemptId || props.attemptId });
  }
  const reference = useWatch({ control, name: "reference" }) ?? "";
  const referenceOver = reference.length - REFERENCE_MAX;
  const dropshipPossible = props.nonDropshipableSkus.length === 0;
  // The wholesaler's sentences: in the dealer's words where ours say what they are about, else its own, labelled.
  const wholesalerSays = (text: string, place: RefusalPlace) =>
    refusalsAt(text, place)
      .map((said) =>
        "sentence" in said
          ? place === "order"
            ? said.sentence
            : t(`errors.${place === "line" ? "upstreamLine" : "upstreamField"}`, { message: said.sentence })
          : t(`errors.wholesaler.${said.key}`, "values" in said ? said.values : undefined),
      )
      .join(" ");
  const errorText = (field: CheckoutField) => {
    const message = formState.errors[field]?.message ?? postedFields[field];
    if (!message) return undefined;
    return message.startsWith("upstream:")
      ? wholesalerSays(message.slice("upstream:".length), { field })
      : t(`errors.${message as "required"}`);
  };
  // The fields drawn here rather than by TextField (text areas, the country, the test box): marked and
  // described by their error the same way, so that no refused field goes unsaid.
  const fieldErrorProps = (field: CheckoutField, errorId: string) =>
    errorText(field) ? { "aria-invalid": true, "aria-describedby": errorId } : {};

  // The details' button is hidden with them: the keyboard goes to the summary's heading, which a
  // screen reader then reads, rather than back to the page's start.
  const review = form.handleSubmit(() => {
    flushSync(() => {
      setProblem(null);
      setPostedFields({});
      setStep("review");
    });
    window.scrollTo({ top: 0 });
    document.getElementById(SUMMARY_HEADING)?.focus({ preventScroll: true });
  });

  function show(result: PlaceOrderResult) {
    if (result.kind === "placed") {
      router.push(`/checkout/confirmation/${result.attemptId}`);
      return;
    }
    const next = stateAfterPlacing(getValues(), result);
    setPostedFields({});
    for (const [field, message] of Object.entries(next.fields)) setError(field as CheckoutField, { message });
    if (next.attemptId) setValue("attemptId", next.attemptId);
    setLineErrors(next.lines);
    setProblem(next.problem);
    setStep(next.step);
  }

  function place(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    startTransition(async () => {
      try {
        show(await submitOrder(getValues()));
      } catch {
        setProblem({ tone: "warning", key: "unknown" });
      }
    });
  }

  const problemBox = problem ? (
    <div
      role="alert"
      className={`rounded-md border p-3 text-sm ${problem.tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}
    >
      {problem.key === "alreadyOrdered" && problem.order ? (
        <AlreadyOrdered order={problem.order} />
      ) : (
        <p>{t(`errors.${problem.key}`)}</p>
      )}
      {problem.details?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {problem.details.map((detail) => (
            <li key={detail}>{wholesalerSays(detail, "order")}</li>
          ))}
        </ul>
      ) : null}
    </div>
  ) : null;

  const values = getValues();
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-4">
        {problemBox}
        <form
          action={formAction}
          onSubmit={review}
          onFocus={detailsCheck.preload}
          noValidate
          hidden={step !== "details"}
          className="space-y-6"
          aria-label={t("details")}
        >
          <input type="hidden" {...register("attemptId")} defaultValue={initial.attemptId} />
          <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t("details")}</legend>
            <TextField
              label={t("reference")}
              hint={t("referenceHint")}
              autoComplete="off"
              error={errorText("reference")}
              defaultValue={initial.reference}
              {...register("reference")}
            />
            <p className={`-mt-3 text-xs ${referenceOver > 0 ? "font-semibold text-red-800" : "text-slate-600"}`}>
              {referenceOver > 0
                ? t("referenceOver", { count: reference.length, over: referenceOver })
                : t("referenceCount", { count: reference.length })}
            </p>
            {/* Said once when the reference goes over its limit, not at every key as the count changes. */}
            <p className="sr-only" aria-live="polite">
              {referenceOver > 0 ? t("referenceOverSaid") : ""}
            </p>
            <div>
              <label htmlFor="checkout-notes" className="block text-sm font-medium">
                {t("notes")}
              </label>
              <textarea
                id="checkout-notes"
                rows={3}
                maxLength={1000}
                {...fieldErrorProps("notes", "checkout-notes-error")}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
                defaultValue={initial.notes}
                {...register("notes")}
              />
              <FieldError id="checkout-notes-error" message={errorText("notes")} />
            </div>
            {props.canPlaceTestOrders ? (
              <label className="flex min-h-touch items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1 h-5 w-5 accent-brand-600"
                  {...fieldErrorProps("test", "checkout-test-error")}
                  defaultChecked={initial.test}
                  {...register("test")}
                />
                <span>
                  <span className="font-medium">{t("test")}</span>
                  <span className="block text-slate-600">{t("testHint")}</span>
                  <FieldError id="checkout-test-error" message={errorText("test")} />
                </span>
              </label>
            ) : null}
          </fieldset>

          <fieldset className="group space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 text-lg font-semibold">{t("delivery")}</legend>
            <label className="flex min-h-touch items-center gap-2">
              <input
                type="radio"
                value="own"
                className="h-5 w-5 accent-brand-600"
                defaultChecked={initial.delivery === "own"}
                {...register("delivery")}
              />
              {t("deliverOwn")}
            </label>
            {props.ownAddress ? (
              <address className="ml-7 text-sm text-slate-700 not-italic">
                {props.ownAddress.map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </address>
            ) : (
              <p className="ml-7 text-sm text-slate-700">{t("ownAddressUnknown")}</p>
            )}
            <label className="flex min-h-touch items-center gap-2">
              <input
                type="radio"
                id="checkout-dropship"
                value="dropship"
                disabled={!dropshipPossible}
                defaultChecked={initial.delivery === "dropship"}
                className="h-5 w-5 accent-brand-600"
                aria-describedby={dropshipPossible ? undefined : "dropship-impossible"}
                {...register("delivery")}
              />
              {t("deliverDropship")}
            </label>
            {dropshipPossible ? null : (
              <p id="dropship-impossible" className="ml-7 text-sm text-slate-700">
                {t("dropshipNotPossible", { skus: props.nonDropshipableSkus.join(", ") })}
              </p>
            )}
            {props.bigParcelSkus.length ? (
              <p className="text-sm text-amber-900">{t("bigParcels", { skus: props.bigParcelSkus.join(", ") })}</p>
            ) : null}
            {/* Shown by the radio itself (CSS), so it opens without JavaScript too. */}
            {dropshipPossible ? (
              <div className="hidden gap-3 group-has-[#checkout-dropship:checked]:grid sm:grid-cols-2">
                <h3 className="font-semibold sm:col-span-2">{t("endCustomer")}</h3>
                <CheckoutAddressBook
                  addresses={props.savedAddresses ?? []}
                  fill={(field, value) => setValue(field, value as never, { shouldValidate: true })}
                  saveInput={{ defaultChecked: initial.saveAddress, ...register("saveAddress") }}
                />
                <TextField
                  label={t("firstName")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.firstName}
                  error={errorText("firstName")}
                  defaultValue={initial.firstName}
                  {...register("firstName")}
                />
                <TextField
                  label={t("lastName")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.lastName}
                  error={errorText("lastName")}
                  defaultValue={initial.lastName}
                  {...register("lastName")}
                />
                <TextField
                  label={t("company")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.company}
                  error={errorText("company")}
                  defaultValue={initial.company}
                  {...register("company")}
                />
                <TextField
                  label={t("vatNumber")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.vatNumber}
                  error={errorText("vatNumber")}
                  defaultValue={initial.vatNumber}
                  {...register("vatNumber")}
                />
                <TextField
                  label={t("phone")}
                  type="tel"
                  inputMode="tel"
                  autoComplete={ADDRESS_AUTOCOMPLETE.phone}
                  error={errorText("phone")}
                  defaultValue={initial.phone}
                  {...register("phone")}
                />
                <TextField
                  label={t("street")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.street}
                  error={errorText("street")}
                  defaultValue={initial.street}
                  {...register("street")}
                />
                <div className="grid grid-cols-2 gap-3">
                  <TextField
                    label={t("houseNumber")}
                    inputMode="numeric"
                    autoComplete={ADDRESS_AUTOCOMPLETE.houseNumber}
                    error={errorText("houseNumber")}
                    defaultValue={initial.houseNumber}
                    {...register("houseNumber")}
                  />
                  <TextField
                    label={t("houseNumberExtension")}
                    autoComplete={ADDRESS_AUTOCOMPLETE.houseNumberExtension}
                    error={errorText("houseNumberExtension")}
                    defaultValue={initial.houseNumberExtension}
                    {...register("houseNumberExtension")}
                  />
                </div>
                <TextField
                  label={t("postcode")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.postcode}
                  autoCapitalize="characters"
                  error={errorText("postcode")}
                  defaultValue={initial.postcode}
                  {...register("postcode")}
                />
                <TextField
                  label={t("city")}
                  autoComplete={ADDRESS_AUTOCOMPLETE.city}
                  error={errorText("city")}
                  defaultValue={initial.city}
                  {...register("city")}
                />
                <div>
                  <label htmlFor="checkout-country" className="block text-sm font-medium">
                    {t("country")}
                  </label>
                  <select
                    id="checkout-country"
                    autoComplete={ADDRESS_AUTOCOMPLETE.country}
                    {...fieldErrorProps("country", "checkout-country-error")}
                    className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-2 aria-[invalid=true]:border-red-600"
                    defaultValue={initial.country}
                    {...register("country")}
                  >
                    {COUNTRIES.map((country) => (
                      <option key={country} value={country}>
                        {t(`countries.${country}`)}
                      </option>
                    ))}
                  </select>
                  <FieldError id="checkout-country-error" message={errorText("country")} />
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor="checkout-delivery-note" className="block text-sm font-medium">
                    {t("deliveryNote")}
                  </label>
                  <textarea
                    id="checkout-delivery-note"
                    rows={2}
                    maxLength={500}
                    {...fieldErrorProps("deliveryNote", "checkout-delivery-note-error")}
                    className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
                    defaultValue={initial.deliveryNote}
                    {...register("deliveryNote")}
                  />
                  <FieldError id="checkout-delivery-note-error" message={errorText("deliveryNote")} />
                </div>
              </div>
            ) : null}
          </fieldset>
          <Button type="submit" name="intent" value="review" className="w-full sm:w-auto">
            {t("review")}
          </Button>
        </form>

        {step === "review" ? (
          <form
            action={formAction}
            onSubmit={place}
            aria-labelledby={SUMMARY_HEADING}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={SUMMARY_HEADING} tabIndex={-1} className="text-lg font-semibold">
              {t("summary")}
            </h2>
            {/* What is sent, with the attempt id the server gave this form: posted twice, one order. */}
            {Object.entries(values).map(([name, value]) =>
              typeof value === "boolean" ? (
                value ? (
                  <input key={name} type="hidden" name={name} value="on" />
                ) : null
              ) : (
                <input key={name} type="hidden" name={name} value={value} />
              ),
            )}
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-600">{t("reference")}</dt>
              <dd className="font-semibold break-words">{values.reference}</dd>
              {values.notes ? (
                <>
                  <dt className="text-slate-600">{t("notes")}</dt>
                  <dd className="whitespace-pre-line">{values.notes}</dd>
                </>
              ) : null}
              <dt className="text-slate-600">{t("delivery")}</dt>
              <dd>
                {values.delivery === "own"
                  ? [t("deliverOwn"), ...(props.ownAddress ?? [])].join(", ")
                  : [
                      t("deliverDropship"),
                      `${values.firstName} ${values.lastName}`,
                      values.company,
                      `${values.street} ${values.houseNumber}${values.houseNumberExtension ? ` ${values.houseNumberExtension}` : ""}`,
                      `${values.postcode} ${values.city}`,
                      t(`countries.${values.country}`),
                    ]
                      .filter(Boolean)
                      .join(", ")}
              </dd>
              {values.test ? (
                <>
                  <dt className="text-slate-600">{t("test")}</dt>
                  <dd>✓</dd>
                </>
              ) : null}
            </dl>
            <h3 className="font-semibold">{t("lines")}</h3>
            <p className="text-xs text-slate-600">{tc("atListPrices")}</p>
            <ul className="divide-y divide-slate-100 text-sm">
              {props.lines.map((line) => (
                <li key={line.sku} className="py-1">
                  <div className="flex justify-between gap-3">
                    <span className="min-w-0 break-words">
                      {t("quantityShort", { quantity: line.quantity, title: line.title })}{" "}
                      <span className="font-mono text-xs text-slate-600">{line.sku}</span>
                    </span>
                    <span className="shrink-0">{line.totalExVat ?? tc("priceOnDemand")}</span>
                  </div>
                  {line.estimate}
                  {lineErrors[line.sku] ? (
                    <p className="text-xs text-red-800">{wholesalerSays(lineErrors[line.sku]!, "line")}</p>
                  ) : null}
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap gap-3">
              <Button type="submit" name="intent" value="place" disabled={pending}>
                {pending ? t("placing") : t("place")}
              </Button>
              <Button
                type="submit"
                name="intent"
                value="change"
                variant="secondary"
                disabled={pending}
                onClick={(event) => {
                  event.preventDefault();
                  // The summary goes, with this button: the keyboard goes to the first detail.
                  flushSync(() => setStep("details"));
                  form.setFocus("reference");
                }}
              >
                {t("change")}
              </Button>
            </div>
            <p role="status" aria-live="polite" className="sr-only">
              {pending ? t("placing") : ""}
            </p>
          </form>
        ) : null}
      </div>
      {step === "ordered" ? null : <aside className="space-y-3">{props.totals}</aside>}
    </div>
  );
}
