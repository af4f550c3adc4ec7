import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver whose schema code is loaded when the form is first used rather than
 * with the page: the schema library is the largest part of a form page's own JavaScript (zod's mini
 * build costs about 17 kB gzip in Turbopack's chunk; bench/issue-19-experiments.md), and a form is
 * only checked once someone types in it. `preload` starts the load early (on the form's first
 * focus), so the first check does not wait for it.
 *
 * When the code cannot be loaded (the connection dropped), the form is not checked here: the values
 * go to the server action, which checks them with the same schema and answers with the same
 * messages. The next check tries the load again.
 */
export function deferredResolver<Values extends FieldValues>(
  load: () => Promise<Resolver<Values>>,
): { resolver: Resolver<Values>; preload: () => void } {
  let loading: Promise<Resolver<Values> | null> | null = null;
  const loaded = () => {
    loading ??= load().catch(() => {
      loading = null;
      return null;
    });
    return loading;
  };
  return {
    resolver: async (values, context, options) => {
      const resolve = await loaded();
      return resolve ? resolve(values, context, options) : { values, errors: {} };
    },
    preload: () => void loaded(),
  };
}
