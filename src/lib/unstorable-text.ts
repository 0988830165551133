/**
 * Text PostgreSQL cannot store: a NUL character (refused in `text` and in `jsonb`) and a UTF-16
 * surrogate without its pair (`jsonb` refuses its escape; in `text` the driver would silently turn
 * it into U+FFFD, so the value stored would not be the value sent). Every plugin input is checked
 * with `findUnstorableText` before any query runs (README, "Input the plugin refuses").
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g")
const MAX_DEPTH = 32

export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text)
}

/** The text without the characters PostgreSQL cannot store (for the affiliate link, which never refuses a shopper). */
export function stripUnstorableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, "")
}

/** A name as it can be shown and logged: the characters that cannot be stored written as `\uXXXX`. */
export function printableName(name: string): string {
  return name.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
}

/**
 * Where in a decoded input (a query, a form, a JSON body, keys included) a text holds a character
 * PostgreSQL cannot store: the field's path (`metadata.coupon`, printable), or null when there is
 * none. A key that holds one is reported by its own path.
 */
export function findUnstorableText(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return hasUnstorableText(value) ? path || "body" : null
  if (!value || typeof value !== "object" || depth > MAX_DEPTH) return null
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${printableName(key)}` : printableName(key)
    if (hasUnstorableText(key)) return at
    const found = findUnstorableText(inner, at, depth + 1)
    if (found) return found
  }
  return null
}

export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired UTF-16 surrogates"
