import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { AFFILIATE_CODE_PATTERN } from "../../../../modules/affiliate/utils/link-identifiers"
import { DECIMAL, isKnownCurrency } from "../../../../modules/affiliate/utils/money"
import { booleanFilter, enumFilter, idFilter, listParams, searchFilter } from "../validators"
import { SIGNAL_CODES } from "../../../../modules/affiliate/utils/fraud-signals"

const AFFILIATE_STATUSES = ["active", "paused"] as const

const affiliateFields = {
  code: z
    .string()
    .trim()
    .regex(AFFILIATE_CODE_PATTERN, "code must be 1-64 letters, digits, underscores or dashes"),
  name: z.string().trim().min(1, "name must not be empty").max(255),
  email: z.string().trim().max(320).pipe(z.email("email must be a valid email address")),
  status: z.enum(AFFILIATE_STATUSES),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

export const AdminCreateAffiliate = z.object({
  ...affiliateFields,
  status: affiliateFields.status.default("active"),
  metadata: affiliateFields.metadata.optional(),
})
export type AdminCreateAffiliateType = z.infer<typeof AdminCreateAffiliate>

export const AdminUpdateAffiliate = z.object(affiliateFields).partial()
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

export const AdminGetAffiliateParams = createFindParams()

/** `POST /admin/affiliate/affiliates/:id/trust`: the signal the affiliate is trusted for. */
export const AdminTrustAffiliate = z.strictObject({
  code: z.enum(SIGNAL_CODES, { error: `code must be one of ${SIGNAL_CODES.join(", ")}` }),
})
export type AdminTrustAffiliateType = z.infer<typeof AdminTrustAffiliate>
export const AdminGetAffiliatesParams = listParams(
  {
    q: searchFilter.optional(),
    id: idFilter("id").optional(),
    status: enumFilter(AFFILIATE_STATUSES).optional(),
    with_tracking_links: booleanFilter("with_tracking_links").optional(),
  },
  { limit: 20, paged_by_cursor: false }
)
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

const id = (field: string) => z.string({ error: `${field} is required` }).min(1, `${field} must not be empty`).max(100, `${field} is too long`)

/** A promotion made on the affiliate's page: a manual code, a percentage or a fixed amount off the items. */
const NewPromotion = z
  .strictObject({
    code: z
      .string({ error: "promotion.code is required" })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "promotion.code must be 1-64 letters, digits, underscores or dashes, e.g. ANNA10"),
    type: z.enum(["percentage", "fixed"], { error: "promotion.type must be percentage or fixed" }),
    value: z
      .union([z.number(), z.string().trim()])
      .transform((v) => String(v))
      .refine((v) => DECIMAL.test(v) && Number(v) > 0, "promotion.value must be a decimal number above 0, e.g. 10 or \"12.5\""),
    currency_code: z
      .string()
      .trim()
      .toLowerCase()
      .refine(isKnownCurrency, "promotion.currency_code must be a known ISO 4217 code")
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.type === "percentage" && Number(p.value) > 100) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "promotion.value must be at most 100 for a percentage" })
    }
    if (p.type === "fixed" && !p.currency_code) {
      ctx.addIssue({ code: "custom", path: ["currency_code"], message: "promotion.currency_code is required for a fixed amount" })
    }
  })

/** Link an existing promotion (`promotion_id`) or create one (`promotion`), for a campaign. */
export const AdminLinkAffiliatePromotion = z
  .strictObject({
    campaign_id: id("campaign_id"),
    promotion_id: id("promotion_id").optional(),
    promotion: NewPromotion.optional(),
  })
  .refine((b) => (b.promotion_id === undefined) !== (b.promotion === undefined), {
    message: "Send promotion_id to link an existing promotion, or promotion to create one (not both)",
  })
export type AdminLinkAffiliatePromotionType = z.infer<typeof AdminLinkAffiliatePromotion>
