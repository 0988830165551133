import { z } from "@medusajs/framework/zod"
import { DECIMAL } from "../../../../modules/affiliate/utils/money"
import { enumFilter, idFilter, listParams } from "../validators"

export const PAYOUT_STATUSES = ["open", "paid"] as const

const currency = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{3}$/, "currency_code must be a three-letter ISO 4217 code")

export const AdminGetBalancesParams = z.strictObject({
  affiliate_id: idFilter("affiliate_id").optional(),
  currency_code: currency.optional(),
})
export type AdminGetBalancesParamsType = z.infer<typeof AdminGetBalancesParams>

export const AdminGetPayoutsParams = listParams(
  {
    id: idFilter("id").optional(),
    affiliate_id: idFilter("affiliate_id").optional(),
    status: enumFilter(PAYOUT_STATUSES).optional(),
    currency_code: currency.optional(),
  },
  { limit: 20, paged_by_cursor: false }
)
export type AdminGetPayoutsParamsType = z.infer<typeof AdminGetPayoutsParams>

export const AdminCreatePayouts = z.strictObject({
  affiliate_id: z.string().min(1).max(100).optional(),
  currency_code: currency.optional(),
  minimum_amount: z
    .union([z.number(), z.string().trim()])
    .transform((v) => String(v))
    .refine((v) => DECIMAL.test(v), "minimum_amount must be a decimal number of at least 0, e.g. 50 or \"50.00\"")
    .optional(),
})
export type AdminCreatePayoutsType = z.infer<typeof AdminCreatePayouts>

export const AdminMarkPayoutPaid = z.strictObject({
  reference: z
    .string({ error: "reference is required: the bank transfer's id, or any reference to find the payment by" })
    .trim()
    .min(1, "reference must not be empty")
    .max(255, "reference must be at most 255 characters"),
})
export type AdminMarkPayoutPaidType = z.infer<typeof AdminMarkPayoutPaid>
