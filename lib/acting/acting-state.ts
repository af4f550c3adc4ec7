/** What an acting form says after a refused post (an empty state when nothing went wrong). */
export type ActingFormState = {
  error: "invalid" | "forbidden" | "too-many" | "not-found" | "unavailable";
} | null;
