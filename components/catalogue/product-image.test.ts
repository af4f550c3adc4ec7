import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";

import type { Media } from "@/lib/domain/media";

import { ProductImage } from "./product-image";

function picture(url: string, ext: string): Media {
  return { sequence: 1, type: "image", primary: true, hash: "abc", mimeType: "image/jpeg", ext, size: null, url };
}
const media = picture("/media/abc.jpg", "jpg");

function imgProps(props: Parameters<typeof ProductImage>[0]): Record<string, string | undefined> {
  const element = ProductImage(props) as ReactElement<Record<string, string | undefined>>;
  expect(element.type).toBe("img");
  return element.props;
}

describe("ProductImage", () => {
  it("offers a picture shown at one size as a 1x and a 2x file, without the whole width list", () => {
    const props = imgProps({ media, alt: "", size: 64, fixed: true });
    expect(props.sizes).toBeUndefined();
    const candidates = props.srcSet!.split(", ");
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toMatch(/w=64&q=75 1x$/);
    expect(candidates[1]).toMatch(/w=128&q=75 2x$/);
  });

  it("offers a picture that follows the screen width every width, with its sizes", () => {
    const props = imgProps({ media, alt: "", size: 240 });
    expect(props.sizes).toBe("(max-width: 640px) 50vw, 240px");
    expect(props.srcSet!.split(", ").length).toBeGreaterThan(4);
  });

  it("offers a tile shown smaller on phones as a picture: 1x and 2x files for phones and for wider screens", () => {
    const element = ProductImage({ media, alt: "", size: 160, phoneSize: 48 }) as ReactElement<{
      children: ReactElement<Record<string, string | undefined>>[];
    }>;
    expect(element.type).toBe("picture");
    const [source, img] = element.props.children;
    expect(source!.type).toBe("source");
    expect(source!.props.media).toBe("(width >= 40rem)");
    const wide = source!.props.srcSet!.split(", ");
    expect(wide).toHaveLength(2);
    expect(wide[0]).toMatch(/w=256&q=75 1x$/);
    expect(wide[1]).toMatch(/w=384&q=75 2x$/);
    expect(img!.type).toBe("img");
    expect(img!.props.sizes).toBeUndefined();
    const phone = img!.props.srcSet!.split(", ");
    expect(phone).toHaveLength(2);
    expect(phone[0]).toMatch(/w=48&q=75 1x$/);
    expect(phone[1]).toMatch(/w=96&q=75 2x$/);
  });

  it("asks for a drawing as a bitmap", () => {
    const props = imgProps({ media: picture("/media/d.svg", "SVG"), alt: "", size: 64, fixed: true });
    expect(props.src).toContain(encodeURIComponent("/media/d.svg.png"));
  });

  it("draws a placeholder, hidden from screen readers, when there is no picture", () => {
    const element = ProductImage({ media: null, alt: "", size: 64 }) as ReactElement<{ "aria-hidden": string }>;
    expect(element.type).toBe("div");
    expect(element.props["aria-hidden"]).toBe("true");
  });
});
