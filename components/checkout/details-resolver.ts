import { zodResolver } from "@hookform/resolvers/zod";

import { checkoutSchema } from "@/lib/checkout/schema";

/**
 * The checkout form's check in the browser: the server action's own schema. Loaded when the form is
 * first used (components/forms/deferred-resolver.ts), not with the page.
 */
export const checkoutResolver = zodResolver(checkoutSchema);
