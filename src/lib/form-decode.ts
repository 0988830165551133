/**
 * A strict decoder for `application/x-www-form-urlencoded` bodies and query strings. Express's
 * parsers pass malformed percent-encoding through silently; the S2S contract wants a 400 for it,
 * and a repeated parameter is refused rather than silently turned into an array.
 */
import { printableName } from "./unstorable-text"

export type DecodedForm = Record<string, string | Record<string, string>>

/** `field` and the message name the parameter printably: it may hold characters that cannot be stored or logged. */
export class FormDecodeError extends Error {
  readonly field: string

  constructor(message: (field: string) => string, field: string) {
    const printable = printableName(field)
    super(message(printable))
    this.field = printable
  }
}

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)

const NESTED = /^([A-Za-z0-9_]+)\[([^\[\]]*)\]$/

function decodeComponent(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "))
  } catch {
    throw new FormDecodeError((f) => `${f} is not valid percent-encoding`, field)
  }
}

export function decodeForm(input: string): DecodedForm {
  // Prototype-less objects: a parameter named __proto__ or constructor is just a name here.
  const out: DecodedForm = Object.create(null)
  for (const pair of input.split("&")) {
    if (pair === "") continue
    const eq = pair.indexOf("=")
    const rawName = eq === -1 ? pair : pair.slice(0, eq)
    const name = decodeComponent(rawName, "parameter name")
    const value = decodeComponent(eq === -1 ? "" : pair.slice(eq + 1), name)
    const nested = NESTED.exec(name)
    if (nested) {
      const [, parent, key] = nested
      const bag = has(out, parent) ? out[parent] : Object.create(null)
      if (typeof bag === "string" || key === "" || has(bag, key)) {
        throw new FormDecodeError((f) => `${f} is given more than once or mixes forms`, name)
      }
      bag[key] = value
      out[parent] = bag
      continue
    }
    if (has(out, name)) {
      throw new FormDecodeError((f) => `${f} is given more than once`, name)
    }
    out[name] = value
  }
  return out
}
