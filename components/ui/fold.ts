/**
 * Classes of a <details> that folds its content behind one button on a phone and is always open
 * from md up (the summary hidden there): the filters of the catalogue, search and order lists.
 * Without script the summary opens and closes it; the content stays in the page for screen readers
 * once opened, and on wide screens as if there were no fold.
 */
export const FOLD = "group md:[&::details-content]:[content-visibility:visible]";

export const FOLD_SUMMARY =
  "flex min-h-touch cursor-pointer list-none items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-3 text-sm font-semibold text-slate-800 group-open:mb-2 md:hidden [&::-webkit-details-marker]:hidden";
