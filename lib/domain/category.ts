import type { Media } from "./media";

/** A category of the wholesaler's B2B tree. `pathCodes` runs from the root to this category. */
export interface Category {
  id: string;
  code: string;
  title: string;
  level: number;
  pathIds: string[];
  pathCodes: string[];
  isGroup: boolean;
  media: Media[];
  children: Category[];
}
