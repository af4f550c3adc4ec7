import { FeatureMessages } from "@/components/i18n/feature-messages";

/** The messages an order's page's client components translate (lib/i18n/client-messages.ts); the list has none. */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <FeatureMessages feature="orders">{children}</FeatureMessages>;
}
