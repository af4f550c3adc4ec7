"use client";

import { useFormStatus } from "react-dom";

import { Button } from "./button";

/**
 * A form's submit button that is off while its form is being sent, saying so (`busyLabel`) where
 * one is given. Before hydration it is a plain submit button: the browser posts the form.
 */
export function SubmitButton({
  label,
  busyLabel,
  variant = "primary",
}: {
  label: string;
  busyLabel?: string;
  variant?: "primary" | "secondary" | "ghost" | "danger";
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending}>
      {pending && busyLabel ? busyLabel : label}
    </Button>
  );
}
