/** 24 product cards of about the catalogue's markup (a title link, codes, eight figures, a form): about 150 kB of HTML with its RSC payload. */
const CARD =
  "group relative flex flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:shadow-md focus-within:ring-2 focus-within:ring-blue-600 sm:p-4 md:flex-row lg:flex-col";

function Card({ index }: { index: number }) {
  const sku = String(100000 + index);
  return (
    <li className={CARD}>
      <a href={`/products/${sku}`} className="text-base font-semibold text-slate-900 underline-offset-2 hover:underline">
        Product title number {index} with a rather long name for a caravan part
      </a>
      <p className="text-sm text-slate-600">
        SKU {sku} · Part number AB-{index}-XY · Barcode 87123456{index}
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        {Array.from({ length: 8 }, (_, figure) => (
          <div key={figure} className="contents">
            <dt className="font-medium text-slate-500">Label {figure}</dt>
            <dd className="text-right text-slate-900 tabular-nums">€ {(index * 1.37 + figure).toFixed(2)}</dd>
          </div>
        ))}
      </dl>
      <form action="/cart" method="post" className="mt-3 flex items-end gap-2">
        <label className="flex flex-col text-sm font-medium text-slate-700">
          Quantity
          <input name="quantity" type="number" min="1" defaultValue="1" className="w-20 rounded border border-slate-300 px-2 py-1 text-base" />
        </label>
        <input type="hidden" name="sku" value={sku} />
        <button type="submit" className="rounded bg-blue-700 px-3 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Add to cart
        </button>
      </form>
    </li>
  );
}

export function Cards() {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: 24 }, (_, index) => (
        <Card key={index} index={index} />
      ))}
    </ul>
  );
}
