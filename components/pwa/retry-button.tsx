"use client";

/** Loads the address the dealer wanted again (the service worker answered it with the offline page). */
export function RetryButton({ children }: { children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={() => window.location.reload()}
      className="inline-flex min-h-touch items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
    >
      {children}
    </button>
  );
}
