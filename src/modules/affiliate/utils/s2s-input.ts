import { isIP } from "node:net"
import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { MAX_CLICK_TOKEN_LENGTH } from "./click-token"
import { amountProblem, isKnownCurrency, sumAmounts } from "./money"
import { S2S_PARAMETER_NAMES } from "../../../lib/s2s-parameters"

export const MAX_METADATA_BYTES = 10 * 1024
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** Date.parse rolls 2026-02-30 over to March 2nd; the written fields must exist as written. */
function isRealDateTime(value: string): boolean {
  const [y, m, d, hh, mm, ss = 0] = value.match(/\d+/g)!.slice(0, 6).map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d && hh < 24 && mm < 60 && ss < 60 && !Number.isNaN(Date.parse(value))
}

/** Whether a flag is set: forms and query strings carry only text, so "true"/"1" count as true there. */
export const flagIsSet = (value: unknown) => value === true || value === "true" || value === "1"

const flag = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform(flagIsSet)])

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

const s2sFields = {
    api_key: z.string().optional(),
    click_token: z.string().min(1, "is required").max(MAX_CLICK_TOKEN_LENGTH, "is longer than 128 characters"),
    order_id: z.union(
      [
        z.string().min(1, "must not be empty").max(255, "is longer than 255 characters"),
        z.number().int().nonnegative().transform((n) => n.toFixed(0)),
      ],
      { error: "must be text of 1-255 characters or a whole number" }
    ),
    order_total: z.union(
      [
        z.string(),
        z
          .number()
          .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "is too large for a JSON number: send it as a string")
          .transform((n) => String(n)),
      ],
      { error: "must be a decimal number, as a string or a JSON number" }
    ),
    order_currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, { message: "must be a three-letter ISO 4217 code", abort: true })
      .refine(isKnownCurrency, "is not a known ISO 4217 currency")
      .transform((c) => c.toLowerCase()),
    consent: z.enum(["granted", "denied"]).optional(),
    limited_data_use: flag.optional(),
    test: flag.optional(),
    user_agent: z.string().max(1024).optional(),
    ip: z.string().refine((ip) => isIP(ip) !== 0, "is not an IPv4 or IPv6 address").optional(),
    device_type: z.enum(["desktop", "mobile", "tablet", "bot", "other"]).optional(),
    context: z.string().max(1024).optional(),
    occurred_at: z
      .string()
      .regex(ISO_WITH_ZONE, { message: "must be ISO 8601 with a time zone, e.g. 2026-01-31T12:00:00Z", abort: true })
      .refine(isRealDateTime, "is not a real date and time")
      .transform((s) => new Date(s))
      .optional(),
    metadata: z
      .record(z.string(), scalar)
      .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= MAX_METADATA_BYTES, "is larger than 10 KB")
      .optional(),
}

export const MAX_ITEMS = 100

/** A decimal amount as a string or a JSON number, kept as text (checked against the currency below). */
const amount = (what: string) =>
  z.union(
    [
      z.string(),
      z
        .number()
        .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "is too large for a JSON number: send it as a string")
        .transform((n) => String(n)),
    ],
    { error: `must be ${what}, as a string or a JSON number` }
  )

const text255 = z.string().min(1, "must not be empty").max(255, "is longer than 255 characters")

/** One line of what was sold (contract, section 8); custom fields live in its metadata only. */
const s2sItem = z.strictObject({
  sku: text255,
  item_value: amount("a decimal number"),
  // Forms and query strings carry only text.
  quantity: z
    .union([z.number(), z.string().regex(/^\d{1,6}$/, "must be a whole number from 1 to 100000").transform(Number)])
    .pipe(z.number().int("must be a whole number from 1 to 100000").min(1, "must be a whole number from 1 to 100000").max(100_000, "must be a whole number from 1 to 100000"))
    .optional(),
  product_id: z.string().max(255, "is longer than 255 characters").optional(),
  category: z.string().max(255, "is longer than 255 characters").optional(),
  collection: z.string().max(255, "is longer than 255 characters").optional(),
  metadata: s2sFields.metadata,
})

const items = z.array(s2sItem).min(1, "must hold at least one item").max(MAX_ITEMS, `holds more than ${MAX_ITEMS} items`)

/**
 * Amounts have no more decimals than the currency; with items, `order_total` may be left out (it
 * is their sum) and must equal it when given.
 */
function checkAmounts(input: { order_total?: string; order_currency?: string; items?: { item_value: string }[] }, ctx: z.RefinementCtx) {
  if (typeof input.order_currency !== "string") return
  const currency = input.order_currency
  const problems = [
    ...(typeof input.order_total === "string" ? [{ path: ["order_total"], problem: amountProblem(input.order_total, currency) }] : []),
    ...(input.items ?? []).map((item, i) => ({ path: ["items", i, "item_value"], problem: amountProblem(item.item_value, currency) })),
  ]
  let valid = true
  for (const { path, problem } of problems) {
    if (!problem) continue
    valid = false
    ctx.addIssue({ code: "custom", path, message: problem })
  }
  if (!valid || !input.items || input.order_total === undefined) return
  const sum = sumAmounts(input.items.map((item) => item.item_value))
  if (!MathBN.eq(sum, input.order_total)) {
    ctx.addIssue({ code: "custom", path: ["order_total"], message: `must equal the sum of the items' item_value (${sum}) when both are given` })
  }
}

function checkSkus(input: { items?: { sku: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>()
  input.items?.forEach((item, i) => {
    if (seen.has(item.sku)) ctx.addIssue({ code: "custom", path: ["items", i, "sku"], message: "is given more than once: an item's sku names it when the conversion is validated" })
    seen.add(item.sku)
  })
}

/** A sale campaign's call: an order with its total (or its items) and currency. */
export const s2sInputSchema = z
  .strictObject({ ...s2sFields, order_total: s2sFields.order_total.optional(), items: items.optional(), customer_type: z.enum(["new", "returning"]).optional() })
  // Checked even when other fields failed, so a call missing both hears about both at once.
  .refine((input) => input.order_total !== undefined || input.items !== undefined, {
    path: ["order_total"],
    message: "is required",
    when: (payload) => isObject(payload.value),
  })
  .superRefine((input, ctx) => {
    checkAmounts(input, ctx)
    checkSkus(input, ctx)
  })

/**
 * A lead campaign's call: `order_id` is the lead's own reference; a total and currency are optional
 * (the commission of a lead is flat), but a total needs its currency.
 */
export const s2sLeadInputSchema = z
  .strictObject({
    ...s2sFields,
    order_total: s2sFields.order_total.optional(),
    order_currency: s2sFields.order_currency.optional(),
    customer_type: z.enum(["new", "returning"]).optional(),
    items: z.unknown().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.items !== undefined) {
      ctx.addIssue({ code: "custom", path: ["items"], message: "is not taken by a lead campaign: a lead has no basket, and its commission is flat" })
    }
    if (input.order_total !== undefined && input.order_currency === undefined) {
      ctx.addIssue({ code: "custom", path: ["order_currency"], message: "is required with order_total" })
    }
    checkAmounts({ ...input, items: undefined }, ctx)
  })

export type S2sInput = z.output<typeof s2sInputSchema>
export type FieldError = { field: string; message: string }

/** An issue's path as the contract names fields: `items[3].item_value`, `metadata.key`. */
const fieldName = (path: PropertyKey[]) =>
  path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "")

/**
 * Validates decoded input for the campaign's tool type (a lead needs no order total); returns field
 * errors in the contract's shape when it fails.
 */
export function parseS2sInput(raw: unknown, toolType: "sale" | "lead" = "sale"): { data: S2sInput } | { errors: FieldError[]; message: string } {
  const result = (toolType === "lead" ? s2sLeadInputSchema : s2sInputSchema).safeParse(raw)
  // A lead's call that passed has no items: they are refused above.
  if (result.success) return { data: result.data as S2sInput }
  const errors: FieldError[] = []
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        if (issue.path.length) {
          const item = fieldName(issue.path)
          errors.push({ field: `${item}.${key}`, message: `unknown field: custom fields of an item must be nested under its metadata (${item}.metadata.${key})` })
        } else {
          errors.push({ field: key, message: `unknown parameter: custom fields must be nested under metadata (metadata.${key})` })
        }
      }
      continue
    }
    const field = fieldName(issue.path) || "body"
    const missing = isMissing(raw, issue.path) && issue.code !== "custom"
    errors.push({ field, message: missing ? "is required" : issue.message })
  }
  // In the contract's order of parameters, whichever check found them.
  errors.sort((a, b) => parameterRank(a.field) - parameterRank(b.field))
  return { errors, message: summarise(errors) }
}

const PARAMETER_ORDER = [...S2S_PARAMETER_NAMES]
const parameterRank = (field: string) => {
  const rank = PARAMETER_ORDER.indexOf(field.split(/[.[]/)[0])
  return rank === -1 ? PARAMETER_ORDER.length : rank
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** Whether the value at `path` (a field, or a field of an item) was not sent at all. */
function isMissing(raw: unknown, path: PropertyKey[]): boolean {
  if (!path.length) return false
  let value: unknown = raw
  for (const part of path.slice(0, -1)) value = isObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[part] : undefined
  return (isObject(value) || Array.isArray(value)) && (value as Record<PropertyKey, unknown>)[path[path.length - 1]] === undefined
}

function summarise(errors: FieldError[]): string {
  const unknown = errors.filter((e) => e.field !== "body" && !S2S_PARAMETER_NAMES.has(e.field.split(/[.[]/)[0]))
  if (unknown.length && unknown.length === errors.length) {
    return `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((e) => e.field).join(", ")}: custom fields must be nested under metadata`
  }
  const inItem = errors.find((e) => /^items\[\d+\]\.[^.]+$/.test(e.field) && e.message.startsWith("unknown field"))
  if (inItem && errors.every((e) => e.message.startsWith("unknown field"))) {
    return `Unknown field ${errors.map((e) => e.field).join(", ")}: custom fields of an item must be nested under its metadata`
  }
  const first = errors[0]
  return `Invalid ${first.field}: ${first.message}`
}
