import { getImageProps } from "next/image";
import { preload } from "react-dom";

import type { Media } from "@/lib/domain/media";

/** Tailwind's breakpoints, below which a picture may be shown at its phone width. */
const BREAKPOINTS = { sm: "40rem", md: "48rem" } as const;

/**
 * A product or category image served through the portal and sized by next/image's loader: a 1x and a
 * 2x file for the width it is shown at, never next/image's whole width list (17 widths per picture, in
 * the HTML and again in the RSC payload). A picture shown narrower on phones is a <picture> with a 1x and
 * a 2x file for each width. A drawing (SVG) is asked for as a bitmap (`<hash>.svg.png`, see app/media): a
 * phone pays for every SVG <img> with a document of its own.
 */
export function ProductImage({
  media,
  alt,
  size,
  phone,
  priority = false,
  className = "",
}: {
  media: Media | null;
  alt: string;
  /** The width it is shown at, in CSS pixels (from the phone breakpoint up, when `phone` is given). */
  size: number;
  /** The width it is shown at on phones, below Tailwind's `sm` or `md`. */
  phone?: { size: number; below: keyof typeof BREAKPOINTS };
  priority?: boolean;
  className?: string;
}) {
  if (!media) {
    return (
      <div
        aria-hidden="true"
        style={{ width: "100%", aspectRatio: "1 / 1" }}
        className={`flex items-center justify-center rounded-md bg-slate-100 text-slate-400 ${className}`}
      >
        <svg viewBox="0 0 24 24" className="h-1/3 w-1/3" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5" />
        </svg>
      </div>
    );
  }
  // next/image's formats and file widths, drawn as a plain <img> by the server: no client component to hydrate per picture.
  const imageProps = (width: number) =>
    getImageProps({
      src: media.ext.toLowerCase() === "svg" ? `${media.url}.png` : media.url,
      alt,
      width,
      height: width,
      priority,
      className: `aspect-square w-full rounded-md bg-white object-contain ${className}`,
    }).props;
  const wide = imageProps(size);
  if (!phone) {
    if (priority) preload(wide.src, { as: "image", imageSrcSet: wide.srcSet, fetchPriority: "high" });
    // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- getImageProps gives the alt
    return <img {...wide} />;
  }
  const narrow = imageProps(phone.size);
  const wideScreen = `(width >= ${BREAKPOINTS[phone.below]})`;
  if (priority) {
    const phoneScreen = `(width < ${BREAKPOINTS[phone.below]})`;
    preload(narrow.src, { as: "image", imageSrcSet: narrow.srcSet, media: phoneScreen, fetchPriority: "high" });
    preload(wide.src, { as: "image", imageSrcSet: wide.srcSet, media: wideScreen, fetchPriority: "high" });
  }
  return (
    <picture>
      <source media={wideScreen} srcSet={wide.srcSet} width={size} height={size} />
      {/* eslint-disable-next-line jsx-a11y/alt-text -- getImageProps gives the alt */}
      <img {...narrow} />
    </picture>
  );
}
