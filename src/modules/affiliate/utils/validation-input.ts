import { z } from "@medusajs/framework/zod"
import type { ValidationEntry } from "./validation"

/*
 * The body of a validation call (contract, section 9), for the shop's `s2sValidate` and the
 * admin's `conversions/validate` alike. The body as a whole must be an object with 1-1,000
 * entries; each entry is then read on its own, so a bad entry is answered `invalid` with what is
 * wrong and never blocks the others.
 */

export const MAX_VALIDATION_ENTRIES = 1000

const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])

export const validationBody = z.strictObject({
  test: flag.optional(),
  conversions: z
    .array(z.unknown(), { error: "conversions must be a list of entries" })
    .min(1, "conversions must hold at least one entry")
    .max(MAX_VALIDATION_ENTRIES, `conversions holds more than ${MAX_VALIDATION_ENTRIES} entries`),
})

const decimal = z.union([z.string(), z.number().transform((n) => String(n))], { error: "must be a decimal number, as a string or a JSON number" })
const reason = z.string().trim().min(1, "must not be empty").max(500, "is longer than 500 characters")

const itemChange = z.strictObject({
  sku: z.string().min(1, "is required").max(255),
  status: z.enum(["approved", "rejected"]).optional(),
  reason: reason.optional(),
  quantity: z.number().int().min(1).max(100_000).optional(),
  item_value: decimal.optional(),
})

export const validationEntry = z
  .strictObject({
    order_id: z.union([z.string().min(1).max(255), z.number().int().nonnegative().transform((n) => n.toFixed(0))], {
      error: "must be text of 1-255 characters or a whole number",
    }),
    test: flag.optional(),
    status: z.enum(["approved", "rejected"]).optional(),
    reason: reason.optional(),
    order_total: decimal.optional(),
    items: z.array(itemChange).min(1).max(100).optional(),
  })
  .refine((e) => e.status !== undefined || e.order_total !== undefined || e.items !== undefined, {
    message: "names no change: give a status, an order_total or items",
  })
  .refine((e) => !e.items?.some((i) => i.status === undefined && i.quantity === undefined && i.item_value === undefined), {
    path: ["items"],
    message: "each item needs a status, a quantity or an item_value",
  })

export type ParsedEntry = { entry: ValidationEntry; test: boolean | undefined } | { order_id: string; message: string }

/** One entry read on its own: what to apply, or what is wrong with it (named by field). */
export function parseValidationEntry(raw: unknown): ParsedEntry {
  const result = validationEntry.safeParse(raw)
  if (result.success) {
    const { test, ...change } = result.data
    return { entry: change, test }
  }
  const orderId = typeof (raw as { order_id?: unknown })?.order_id === "string" || typeof (raw as { order_id?: unknown })?.order_id === "number"
    ? String((raw as { order_id: string | number }).order_id).slice(0, 255)
    : ""
  const issue = result.error.issues[0]
  const field = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "")
  const message = issue.code === "unrecognized_keys"
    ? `unknown field ${field}: an entry takes order_id, test, status, reason, order_total and items`
    : field ? `${field} ${issue.message}` : issue.message
  return { order_id: orderId, message }
}

/** The body as documented (each entry's shape spelled out; the route reads entries one by one). */
export const validationBodyDocumented = z.strictObject({
  test: z.boolean().optional().describe("Test or live conversions, for the entries that do not say (default: live)."),
  conversions: z.array(validationEntry).min(1).max(MAX_VALIDATION_ENTRIES),
})

const request_id = z.string().describe("This call's id, also in the X-Request-Id header.")

/** One entry's answer, in the order the entries were sent. */
export const validationResult = z.object({
  order_id: z.string(),
  result: z.enum(["updated", "unchanged", "not_found", "invalid"]),
  conversion_id: z.string().optional(),
  conversion_status: z.enum(["pending", "approved", "rejected", "paid", "reversed"]).optional(),
  commission_amount: z.string().optional().describe("Decimal string in the commission's currency."),
  message: z.string().optional().describe("Why an entry is `invalid` or `not_found`."),
})

export const ValidationAnswerBody = z.strictObject({
  status: z.literal("success"),
  message: z.string().describe('The counts: "3 updated, 0 unchanged, 1 failed".'),
  results: z.array(validationResult),
  request_id,
})

const shopItem = z.object({
  id: z.string(),
  sku: z.string(),
  product_id: z.string().nullable(),
  category: z.array(z.string()),
  collection: z.string().nullable(),
  quantity: z.number().int(),
  item_value: z.string(),
  commission_amount: z.string().nullable().describe("Null for a flat campaign, which pays per conversion."),
  status: z.enum(["pending", "approved", "rejected"]),
  rule_id: z.string().nullable(),
})

export const ShopConversionsAnswerBody = z.strictObject({
  conversions: z.array(
    z.object({
      id: z.string(),
      order_id: z.string(),
      status: z.enum(["pending", "approved", "rejected", "paid", "reversed"]),
      order_total: z.string(),
      order_currency: z.string(),
      commission_amount: z.string(),
      commission_currency: z.string(),
      created_at: z.string(),
      items: z.array(shopItem),
    })
  ),
  next_cursor: z.string().nullable().describe("Pass as `after` for the next page; null on the last."),
  request_id,
})
