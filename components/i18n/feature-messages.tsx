import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

import { clientMessages, FEATURE_NAMESPACES, pickMessages, type MessageFeature } from "@/lib/i18n/client-messages";

/**
 * The messages of one feature's client components, for the route segment whose layout renders this
 * (with the shell's, as a provider replaces the one above it). The root layout sends the shell's only.
 */
export async function FeatureMessages({ feature, children }: { feature: MessageFeature; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider messages={clientMessages(await getMessages(), feature)}>{children}</NextIntlClientProvider>
  );
}

/**
 * The messages of one feature alone, without the shell's: for a part of a page whose client
 * components translate nothing else, rendered only where it shows (staff's parts of the shell), so
 * that the shell's messages are not sent twice. Everything the file that renders it imports gets
 * these messages only (the route test checks it that way).
 */
export async function OwnMessages({ feature, children }: { feature: MessageFeature; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), FEATURE_NAMESPACES[feature])}>
      {children}
    </NextIntlClientProvider>
  );
}
