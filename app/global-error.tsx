"use client";

/** Last resort when the root layout itself fails: no translations are available here, so both languages are shown. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", textAlign: "center" }}>
        <h1>Something went wrong · Er ging iets mis</h1>
        <p>Your cart is safe. · Je winkelwagen is veilig.</p>
        <button type="button" onClick={reset} style={{ minHeight: "44px", padding: "0 1rem" }}>
          Try again · Opnieuw proberen
        </button>
      </body>
    </html>
  );
}
