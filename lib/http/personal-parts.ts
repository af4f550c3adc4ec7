import "server-only";

import { headers } from "next/headers";
import { createElement, type ReactElement } from "react";
import { cache } from "react";

import { PERSONAL_PLACEHOLDER, SHARED_RENDER_HEADER, shapeMarkValue } from "./personal-placeholders";

/**
 * The parts of a page that belong to the user who asked for it (their name, company, cart count,
 * favourite mark, lists), as the page's server components write them.
 *
 * Rendered for a user, a part is its value. Rendered as the shared copy of a page
 * (lib/http/personal-documents.ts asks this process for it, and only then does the proxy set
 * SHARED_RENDER_HEADER), a text is a placeholder the copy's every answer fills with that answer's
 * user's value, and each choice the user's state made about the page's structure (a favourite or
 * not, how many lists) is written down as a shape mark: the copy is kept only for users whose state
 * makes the same choices.
 */
export interface PersonalParts {
  /** Whether this render is a shared copy's. */
  shared: boolean;
  /** `value`, or in a shared copy the placeholder named `name`. */
  text(name: string, value: string): string;
  /** Nothing, or in a shared copy the mark of a choice `name` = `value` the user's state made. */
  shape(name: string, value: string | number | boolean): ReactElement | null;
}

export const personalParts = cache(async (): Promise<PersonalParts> => {
  const shared = (await headers()).get(SHARED_RENDER_HEADER) === "1";
  return {
    shared,
    text: (name, value) => (shared ? PERSONAL_PLACEHOLDER(name) : value),
    shape: (name, value) => {
      if (!shared) return null;
      const mark = shapeMarkValue(name, value);
      return createElement("template", { "data-portal-shape": mark, key: mark });
    },
  };
});
