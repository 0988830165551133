/*
 * The identifiers that go into affiliate links: a campaign's handle (the path) and an
 * affiliate's code (`?aff=`). Both are URL-safe, so they never need escaping to be read back.
 */

/** A campaign handle: lower-case letters, digits and single dashes. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const HANDLE_MAX = 100

/** "Été 2025 — Sale!" → "ete-2025-sale"; a name with no letters or digits gives "campaign". */
export function handleFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, HANDLE_MAX - 8)
    .replace(/^-+|-+$/g, "")
  return slug || "campaign"
}

/** `base`, or `base-2`, `base-3`, … whichever is the first not in `taken`. */
export function firstFreeHandle(base: string, taken: Set<string>): string {
  let handle = base
  for (let n = 2; taken.has(handle); n++) handle = `${base}-${n}`
  return handle
}

/** An affiliate code: 1-64 letters, digits, underscores or dashes. */
export const AFFILIATE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
