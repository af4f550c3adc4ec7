import { useFormatter, useTranslations } from "next-intl";

import type { Media } from "@/lib/domain/media";

type Formatter = ReturnType<typeof useFormatter>;

/**
 * A file's size the way a download link gives it, as a number of the reader's language ("1,5 MB" in
 * Dutch); empty when the upstream did not say.
 */
export function fileSize(bytes: number | null, format: Pick<Formatter, "number">): string {
  if (!bytes) return "";
  return bytes >= 1_000_000
    ? format.number(bytes / 1_000_000, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
    : format.number(Math.max(1, Math.round(bytes / 1000)), { style: "unit", unit: "kilobyte" });
}

/**
 * A product's downloads. Each link says what the file is in the reader's language (the upstream's
 * `type`, "document"; a type we have no words for is shown as sent), numbered where several are of
 * one type so that no two links read alike, then its format and size.
 */
export function ProductFiles({ files }: { files: Media[] }) {
  const t = useTranslations("product");
  const format = useFormatter();
  const typeOf = (file: Media) => file.type.trim().toLowerCase() || "file";
  const ofType = new Map<string, number>();
  for (const file of files) ofType.set(typeOf(file), (ofType.get(typeOf(file)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return (
    <section aria-labelledby="files">
      <h2 id="files" className="mb-2 text-lg font-semibold">
        {t("files")}
      </h2>
      <ul className="text-sm">
        {files.map((file) => {
          const type = typeOf(file);
          const number = (seen.get(type) ?? 0) + 1;
          seen.set(type, number);
          const name = t("fileType", { type });
          const details = [file.ext.toUpperCase(), fileSize(file.size, format)].filter(Boolean).join(", ");
          return (
            <li key={file.hash}>
              <a href={file.url} download className="inline-flex min-h-touch items-center text-brand-700 underline">
                {t("fileLabel", {
                  name: (ofType.get(type) ?? 0) > 1 ? t("fileNumbered", { name, number }) : name,
                  details,
                })}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
