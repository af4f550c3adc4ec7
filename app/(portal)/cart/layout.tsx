import { FeatureMessages } from "@/components/i18n/feature-messages";

/** The messages this segment's client components translate (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <FeatureMessages feature="cart">{children}</FeatureMessages>;
}
