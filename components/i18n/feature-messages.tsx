import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

import { clientMessages, type MessageFeature } from "@/lib/i18n/client-messages";

/**
 * The messages of one feature's client components, for the route segment whose layout renders this
 * (with the shell's, as a provider replaces the one above it). The root layout sends the shell's only.
 */
export async function FeatureMessages({ feature, children }: { feature: MessageFeature; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider messages={clientMessages(await getMessages(), feature)}>{children}</NextIntlClientProvider>
  );
}
