"use client";

/**
 * Last resort when the root layout itself fails: no translations are available here, so both
 * languages are shown, the Dutch marked as Dutch (lang) so that a screen reader speaks it as Dutch.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", textAlign: "center" }}>
        <h1>
          Something went wrong · <span lang="nl">Er ging iets mis</span>
        </h1>
        <p>
          Your cart is kept. · <span lang="nl">Uw winkelwagen is bewaard.</span>
        </p>
        <button type="button" onClick={reset} style={{ minHeight: "44px", padding: "0 1rem" }}>
          Try again · <span lang="nl">Opnieuw proberen</span>
        </button>
      </body>
    </html>
  );
}
