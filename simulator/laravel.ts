/**
 * Laravel's wire shapes: JSON errors ({message} / {message, errors}), the
 * validation message summary, and length-aware pagination ({data, links, meta}).
 */
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 422 | 429 | 500,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
  }

  body(): { message: string; errors?: FieldErrors } {
    return this.errors ? { message: this.message, errors: this.errors } : { message: this.message };
  }
}

export const unauthenticated = (): HttpError => new HttpError(401, "Unauthenticated.");
export const unauthorized = (): HttpError => new HttpError(403, "This action is unauthorized.");

/** The 404 of a route-model binding that found nothing. */
export function modelNotFound(model: string, key: string): HttpError {
  return new HttpError(404, `No query results for model [App\\Models\\${model}] ${key}`);
}

/** Collects field errors the way a Laravel validator reports them. */
export class Validator {
  private readonly errors: FieldErrors = {};

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  has(field: string): boolean {
    return field in this.errors;
  }

  /** Throws a 422 if anything was reported. */
  check(): void {
    const error = this.toError();
    if (error) throw error;
  }

  /** The 422 for what was reported, if anything; its message is Laravel's summary. */
  toError(): HttpError | undefined {
    const messages = Object.values(this.errors).flat();
    const [first] = messages;
    if (first === undefined) return undefined;
    const more = messages.length - 1;
    const summary = more > 0 ? `${first} (and ${more} more error${more > 1 ? "s" : ""})` : first;
    return new HttpError(422, summary, this.errors);
  }
}

export interface Paginated<T> {
  data: T[];
  links: { first: string; last: string; prev: string | null; next: string | null };
  meta: {
    current_page: number;
    from: number | null;
    last_page: number;
    links: Array<{ url: string | null; label: string; active: boolean }>;
    path: string;
    per_page: number;
    to: number | null;
    total: number;
  };
}

/**
 * One page of `items`. `path` is the absolute URL of the list; `query` holds
 * parameters other than `page` that links keep (Laravel's `withQueryString`).
 */
export function paginate<T>(
  items: readonly T[],
  page: number,
  perPage: number,
  path: string,
  query: Record<string, string>,
): Paginated<T> {
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const url = (p: number) => `${path}?${new URLSearchParams({ ...query, page: String(p) }).toString()}`;
  const offset = (page - 1) * perPage;
  const data = items.slice(offset, offset + perPage);
  const pageLinks = Array.from({ length: lastPage }, (_, i) => ({
    url: url(i + 1),
    label: String(i + 1),
    active: i + 1 === page,
  }));
  return {
    data,
    links: {
      first: url(1),
      last: url(lastPage),
      prev: page > 1 ? url(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage ? url(page + 1) : null,
    },
    meta: {
      current_page: page,
      from: data.length > 0 ? offset + 1 : null,
      last_page: lastPage,
      links: [
        { url: page > 1 ? url(Math.min(page - 1, lastPage)) : null, label: "&laquo; Previous", active: false },
        ...pageLinks,
        { url: page < lastPage ? url(page + 1) : null, label: "Next &raquo;", active: false },
      ],
      path,
      per_page: perPage,
      to: data.length > 0 ? offset + data.length : null,
      total,
    },
  };
}

/** A 422 from a zod validation failure (used by the control endpoints). */
export function fromZodError(error: z.ZodError): HttpError {
  const validator = new Validator();
  for (const issue of error.issues) validator.add(issue.path.join(".") || "body", issue.message);
  return validator.toError() ?? new HttpError(422, "The given data was invalid.");
}
