import type { Metadata, Viewport } from "next";

export const metadata: Metadata = { title: "Reference page" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** No providers, no stylesheet, no client component: what Next.js and React cost on their own. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
