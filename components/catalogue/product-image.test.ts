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
    const props = imgProps({ media, alt: "", size: 64 });
    expect(props.sizes).toBeUndefined();
    const candidates = props.srcSet!.split(", ");
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toMatch(/w=64&q=75 1x$/);
    expect(candidates[1]).toMatch(/w=128&q=75 2x$/);
  });

  it("offers a large picture as a 1x and a 2x file too", () => {
    const props = imgProps({ media, alt: "", size: 480 });
    expect(props.srcSet!.split(", ")).toEqual([
      expect.stringMatching(/w=640&q=75 1x$/),
      expect.stringMatching(/w=1080&q=75 2x$/),
    ]);
  });

  it("offers a tile shown smaller on phones as a picture: 1x and 2x files for phones and for wider screens", () => {
    const element = ProductImage({ media, alt: "", size: 160, phone: { size: 48, below: "sm" } }) as ReactElement<{
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

  it("switches to the phone's file below the breakpoint it is given", () => {
    const element = ProductImage({ media, alt: "", size: 480, phone: { size: 160, below: "md" } }) as ReactElement<{
      children: ReactElement<Record<string, string | undefined>>[];
    }>;
    const [source, img] = element.props.children;
    expect(source!.props.media).toBe("(width >= 48rem)");
    expect(source!.props.srcSet).toMatch(/w=640&q=75 1x, .*w=1080&q=75 2x$/);
    expect(img!.props.srcSet).toMatch(/w=256&q=75 1x, .*w=384&q=75 2x$/);
  });

  it("asks for a drawing as a bitmap", () => {
    const props = imgProps({ media: picture("/media/d.svg", "SVG"), alt: "", size: 64 });
    expect(props.src).toContain(encodeURIComponent("/media/d.svg.png"));
  });

  it("draws a placeholder, hidden from screen readers, when there is no picture", () => {
    const element = ProductImage({ media: null, alt: "", size: 64 }) as ReactElement<{ "aria-hidden": string }>;
    expect(element.type).toBe("div");
    expect(element.props["aria-hidden"]).toBe("true");
  });
});
