/**
 * A cell's column name, shown on phones, where a table's column headers are hidden and each row
 * is laid out as a card. Hidden on wide screens and on paper, where the headers are shown.
 */
export function PhoneLabel({ children }: { children: React.ReactNode }) {
  return <span className="w-32 shrink-0 font-normal text-slate-600 lg:hidden print:hidden">{children}</span>;
}
