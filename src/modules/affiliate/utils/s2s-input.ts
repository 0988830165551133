import { isIP } from "node:net"
import { z } from "@medusajs/framework/zod"
import { MAX_CLICK_TOKEN_LENGTH } from "./click-token"
import { amountProblem, isKnownCurrency } from "./money"
import { S2S_PARAMETER_NAMES } from "../../../lib/s2s-parameters"

export const MAX_METADATA_BYTES = 10 * 1024
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** Date.parse rolls 2026-02-30 over to March 2nd; the written fields must exist as written. */
function isRealDateTime(value: string): boolean {
  const [y, m, d, hh, mm, ss = 0] = value.match(/\d+/g)!.slice(0, 6).map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d && hh < 24 && mm < 60 && ss < 60 && !Number.isNaN(Date.parse(value))
}

/** Forms and query strings carry only text, so "true"/"1" count as true there. */
const flag = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
])

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

function checkAmount(input: { order_total?: string; order_currency?: string }, ctx: z.RefinementCtx) {
  if (typeof input.order_total === "string" && typeof input.order_currency === "string") {
    const problem = amountProblem(input.order_total, input.order_currency)
    if (problem) ctx.addIssue({ code: "custom", path: ["order_total"], message: problem })
  }
}

/** A sale campaign's call: an order with its total and currency. */
export const s2sInputSchema = z.strictObject(s2sFields).superRefine(checkAmount)

/**
 * A lead campaign's call: `order_id` is the lead's own reference; a total and currency are optional
 * (the commission of a lead is flat), but a total needs its currency.
 */
export const s2sLeadInputSchema = z
  .strictObject({ ...s2sFields, order_total: s2sFields.order_total.optional(), order_currency: s2sFields.order_currency.optional() })
  .superRefine((input, ctx) => {
    if (input.order_total !== undefined && input.order_currency === undefined) {
      ctx.addIssue({ code: "custom", path: ["order_currency"], message: "is required with order_total" })
    }
    checkAmount(input, ctx)
  })

export type S2sInput = z.output<typeof s2sLeadInputSchema>
export type FieldError = { field: string; message: string }

/**
 * Validates decoded input for the campaign's tool type (a lead needs no order total); returns field
 * errors in the contract's shape when it fails.
 */
export function parseS2sInput(raw: unknown, toolType: "sale" | "lead" = "sale"): { data: S2sInput } | { errors: FieldError[]; message: string } {
  const result = (toolType === "lead" ? s2sLeadInputSchema : s2sInputSchema).safeParse(raw)
  if (result.success) return { data: result.data }
  const errors: FieldError[] = []
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push({ field: key, message: `unknown parameter: custom fields must be nested under metadata (metadata.${key})` })
      }
      continue
    }
    const field = issue.path.map(String).join(".") || "body"
    const missing = issue.path.length === 1 && isObject(raw) && raw[String(issue.path[0])] === undefined && issue.code !== "custom"
    errors.push({ field, message: missing ? "is required" : issue.message })
  }
  return { errors, message: summarise(errors) }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function summarise(errors: FieldError[]): string {
  const unknown = errors.filter((e) => e.field !== "body" && !S2S_PARAMETER_NAMES.has(e.field.split(".")[0]))
  if (unknown.length && unknown.length === errors.length) {
    return `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((e) => e.field).join(", ")}: custom fields must be nested under metadata`
  }
  const first = errors[0]
  return `Invalid ${first.field}: ${first.message}`
}
