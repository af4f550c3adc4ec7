/**
 * A cell's column name, shown on phones, where a table's column headers are hidden and each row
 * is laid out as a card. Hidden on wide screens, where the headers are shown; hidden on paper too
 * when the table prints as a table (`printedAsTable`), else the printed cards keep their labels.
 */
export function PhoneLabel({
  children,
  printedAsTable = false,
}: {
  children: React.ReactNode;
  printedAsTable?: boolean;
}) {
  return (
    <span className={`w-32 shrink-0 font-normal text-slate-600 lg:hidden ${printedAsTable ? "print:hidden" : ""}`}>
      {children}
    </span>
  );
}
