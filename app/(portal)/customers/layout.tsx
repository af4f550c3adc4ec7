import { FeatureMessages } from "@/components/i18n/feature-messages";

/** Staff's customer search: each company's "Act for this customer" form. */
export default function CustomersLayout({ children }: { children: React.ReactNode }) {
  return <FeatureMessages feature="acting">{children}</FeatureMessages>;
}
