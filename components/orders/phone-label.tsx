/**
 * A cell's column name, shown on phones, where a table's column headers are hidden and each row
 * is laid out as a card. Hidden on wide screens, where the headers are shown; hidden on paper too
 * when the table prints as a table (`printedAsTable`), else the printed cards keep their labels.
 * Its look is the `phone-label` class (app/globals.css): the label repeats in every row.
 */
export function PhoneLabel({
  children,
  printedAsTable = false,
}: {
  children: React.ReactNode;
  printedAsTable?: boolean;
}) {
  return <span className={printedAsTable ? "phone-label print:hidden" : "phone-label"}>{children}</span>;
}
