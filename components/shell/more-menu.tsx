import { DismissibleDetails } from "./dismissible-details";

/**
 * The phone bar's "More": a disclosure holding every destination the bar has no cell for, marked
 * (colour and a bar along its top, as the bar's other cells) while one of them (`hrefs`) is shown; it opens before hydration and without JavaScript, and
 * closes when a page is chosen, on Escape and on a tap elsewhere (DismissibleDetails).
 */
export function MoreMenu({
  label,
  icon,
  hrefs,
  children,
}: {
  label: string;
  icon: React.ReactNode;
  hrefs: string[];
  children: React.ReactNode;
}) {
  return (
    <DismissibleDetails
      className="group relative h-full"
      summaryClassName="relative flex min-h-14 cursor-pointer list-none flex-col items-center justify-center gap-0.5 text-slate-600 group-open:text-brand-700 data-[current=true]:text-brand-700 data-[current=true]:before:absolute data-[current=true]:before:inset-x-3 data-[current=true]:before:top-0 data-[current=true]:before:h-[3px] data-[current=true]:before:rounded-b data-[current=true]:before:bg-brand-600 [&::-webkit-details-marker]:hidden"
      currentHrefs={hrefs}
      summary={
        <>
          {icon}
          <span className="block max-w-full overflow-hidden text-[0.6875rem] leading-tight font-medium tracking-tight whitespace-nowrap">
            {label}
          </span>
        </>
      }
    >
      <ul className="absolute right-1 bottom-full mb-1 w-56 max-w-[calc(100vw-0.5rem)] rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {children}
      </ul>
    </DismissibleDetails>
  );
}
