import { startTransition, type FormEvent } from "react";

/**
 * The submit handler of a form that works before hydration and answers in place after it.
 *
 * The form's `action` stays the server action a native post runs (without JavaScript, and before
 * React has hydrated the form), which answers by sending the browser back to the page. Once React
 * has hydrated the form, this handler takes every post over: it prevents the native post (React
 * then runs no action of its own, but still marks the form pending) and hands `send` the form's
 * fields, with the button that sent it, inside a transition, so that `send` may update optimistic
 * and action state.
 *
 * A handler rather than a second action swapped in once a hydrated flag turns true: between
 * hydration and that re-render React would send a tap to the redirecting action by script, and the
 * answer shown in place was lost (seen in the Add to cart race, 7c1811f).
 */
export function submitInPlace(send: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => send(form));
  };
}
