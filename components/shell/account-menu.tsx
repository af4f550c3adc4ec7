import { DismissibleDetails } from "./dismissible-details";

/**
 * The user's menu in the header: a disclosure that opens without script, so the language switch
 * and sign-out inside it work before hydration and without JavaScript (DismissibleDetails closes it
 * on Escape, a click elsewhere or another page). `label` names it to a screen reader ("Account").
 */
export function AccountMenu({
  label,
  name,
  company,
  children,
}: {
  label: string;
  name: string;
  company: string;
  children: React.ReactNode;
}) {
  return (
    // ml-auto at every width: the menu sits at the right end of the header's first row (on a phone, after
    // the name), and should that row ever be too full it wraps to the next row's right end, never its
    // left, so the panel below (anchored to the button's right edge) opens inside the window.
    <DismissibleDetails
      className="relative ml-auto"
      summaryClassName="flex min-h-touch cursor-pointer list-none items-center gap-2 rounded-md px-2 hover:bg-white/10 [&::-webkit-details-marker]:hidden"
      summary={
        <>
          <span className="sr-only">{label}: </span>
          <span className="flex flex-col text-left leading-tight">
            <span className="max-w-[10rem] truncate text-sm font-semibold">{name}</span>
            <span className="hidden max-w-[12rem] truncate text-xs text-white/80 lg:block">{company}</span>
          </span>
          <span aria-hidden="true">▾</span>
        </>
      }
    >
      <div
        data-testid="account-menu-panel"
        className="absolute right-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md bg-white p-4 text-slate-900 shadow-lg"
      >
        {children}
      </div>
    </DismissibleDetails>
  );
}
