import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";

/** A "not found" answer: its title, a line of text and one way on (the not-found pages and the product's own). */
export function NotFoundMessage({
  title,
  text,
  href,
  linkLabel,
}: {
  title: string;
  text: string;
  href: string;
  linkLabel: string;
}) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-700">{text}</p>
      <Link href={href} className={buttonClasses("primary", "mt-6")}>
        {linkLabel}
      </Link>
    </div>
  );
}
