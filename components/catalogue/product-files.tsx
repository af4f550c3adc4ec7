import { useTranslations } from "next-intl";

import type { Media } from "@/lib/domain/media";

/** A file's size the way a download link gives it; empty when the upstream did not say. */
function fileSize(bytes: number | null): string {
  if (!bytes) return "";
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/**
 * A product's downloads. Each link says what the file is in the reader's language (the upstream's
 * `type`, "document"; a type we have no words for is shown as sent), numbered where several are of
 * one type so that no two links read alike, then its format and size.
 */
export function ProductFiles({ files }: { files: Media[] }) {
  const t = useTranslations("product");
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
          const details = [file.ext.toUpperCase(), fileSize(file.size)].filter(Boolean).join(", ");
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
