import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { AFFILIATE_CODE_PATTERN } from "../../../../lib/link-identifiers"
import { booleanFilter, enumFilter, idFilter, listParams, searchFilter } from "../validators"

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
