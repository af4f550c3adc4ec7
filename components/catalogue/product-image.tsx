import { getImageProps } from "next/image";
import { preload } from "react-dom";

import type { Media } from "@/lib/domain/media";

/**
 * A product or category image served through the portal and sized by next/image's loader. A drawing (SVG) is
 * asked for as a bitmap (`<hash>.svg.png`, see app/media): a phone pays for every SVG <img> with a
 * document of its own.
 */
/** Tailwind's `sm` breakpoint (40rem) and below it, for a picture with a phone size (`phoneSize`). */
const WIDE = "(width >= 40rem)";
const NARROW = "(width < 40rem)";

export function ProductImage({
  media,
  alt,
  size,
  sizes = `(max-width: 640px) 50vw, ${size}px`,
  fixed = false,
  phoneSize,
  priority = false,
  className = "",
}: {
  media: Media | null;
  alt: string;
  size: number;
  /** The width the image is shown at (the `sizes` attribute); half the screen on phones unless said. */
  sizes?: string;
  /** Shown at exactly `size` px on every screen: a 1x and a 2x picture instead of the whole width list. */
  fixed?: boolean;
  /**
   * Shown at `phoneSize` px below Tailwind's `sm` and at `size` px from there up: a <picture> with a 1x
   * and a 2x file for each (a list of tiles would otherwise carry the whole width list per picture).
   */
  phoneSize?: number;
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
  // next/image's sizes and formats, drawn as a plain <img> by the server: no client component to hydrate per picture.
  const imageProps = (width: number, shownAt?: string) =>
    getImageProps({
      src: media.ext.toLowerCase() === "svg" ? `${media.url}.png` : media.url,
      alt,
      width,
      height: width,
      sizes: shownAt,
      priority,
      className: `aspect-square w-full rounded-md bg-white object-contain ${className}`,
    }).props;
  if (phoneSize) {
    const wide = imageProps(size);
    const phone = imageProps(phoneSize);
    if (priority) {
      preload(phone.src, { as: "image", imageSrcSet: phone.srcSet, media: NARROW, fetchPriority: "high" });
      preload(wide.src, { as: "image", imageSrcSet: wide.srcSet, media: WIDE, fetchPriority: "high" });
    }
    return (
      <picture>
        <source media={WIDE} srcSet={wide.srcSet} width={size} height={size} />
        {/* eslint-disable-next-line jsx-a11y/alt-text -- getImageProps gives the alt */}
        <img {...phone} />
      </picture>
    );
  }
  const props = imageProps(size, fixed ? undefined : sizes);
  if (priority) {
    preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  }
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- getImageProps gives the alt
  return <img {...props} />;
}
