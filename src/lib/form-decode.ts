/**
 * A strict decoder for `application/x-www-form-urlencoded` bodies and query strings. Express's
 * parsers pass malformed percent-encoding through silently; the S2S contract wants a 400 for it,
 * and a repeated parameter is refused rather than silently turned into an array.
 */
import { printableName } from "./unstorable-text"

/** A decoded value: text, or a bag of them (`metadata[key]`), or a list of bags (`items[0][sku]`). */
export type DecodedValue = string | { [key: string]: DecodedValue } | DecodedValue[]
export type DecodedForm = Record<string, DecodedValue>

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

/** `name[a][b][c]`: a parameter and up to three keys under it. */
const NESTED = /^([A-Za-z0-9_]+)((?:\[[^\[\]]*\]){1,3})$/

/** The parameters whose keys are positions (`items[0][sku]`): decoded into a list. */
const LISTS = new Set(["items"])
const MAX_LIST_LENGTH = 1000

function decodeComponent(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "))
  } catch {
    throw new FormDecodeError((f) => `${f} is not valid percent-encoding`, field)
  }
}

/** Prototype-less: a parameter named __proto__ or constructor is just a name here. */
const bag = (): Record<string, DecodedValue> => Object.create(null)

export function decodeForm(input: string): DecodedForm {
  const out = bag()
  for (const pair of input.split("&")) {
    if (pair === "") continue
    const eq = pair.indexOf("=")
    const rawName = eq === -1 ? pair : pair.slice(0, eq)
    const name = decodeComponent(rawName, "parameter name")
    const value = decodeComponent(eq === -1 ? "" : pair.slice(eq + 1), name)
    const nested = NESTED.exec(name)
    const path = nested ? [nested[1], ...nested[2].slice(1, -1).split("][")] : [name]
    let parent = out
    for (const [depth, key] of path.entries()) {
      const last = depth === path.length - 1
      if (key === "" || (has(parent, key) && (last || typeof parent[key] === "string"))) {
        throw new FormDecodeError((f) => `${f} is given more than once or mixes forms`, name)
      }
      if (last) parent[key] = value
      else parent = (has(parent, key) ? parent[key] : (parent[key] = bag())) as Record<string, DecodedValue>
    }
  }
  for (const list of LISTS) {
    if (has(out, list) && typeof out[list] === "object") out[list] = asList(list, out[list] as Record<string, DecodedValue>)
  }
  return out
}

/** `items[0]`, `items[1]`… as a list: positions from 0, none skipped (a skipped one would be an item lost). */
function asList(name: string, positions: Record<string, DecodedValue>): DecodedValue[] {
  const keys = Object.keys(positions)
  if (keys.length > MAX_LIST_LENGTH || keys.some((k) => !/^(0|[1-9]\d{0,3})$/.test(k))) {
    throw new FormDecodeError((f) => `${f} must be numbered from 0: ${f}[0][…], ${f}[1][…]`, name)
  }
  const list = keys.map(Number).sort((a, b) => a - b)
  if (list.some((position, i) => position !== i)) {
    throw new FormDecodeError((f) => `${f} must be numbered from 0 without gaps: ${f}[0][…], ${f}[1][…]`, name)
  }
  return list.map((position) => positions[String(position)])
}
