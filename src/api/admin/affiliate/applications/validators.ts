import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { AFFILIATE_CODE_PATTERN } from "../../../../modules/affiliate/utils/link-identifiers"
import { enumFilter, idFilter, listParams, searchFilter } from "../validators"

export const APPLICATION_STATUSES = ["pending_confirmation", "pending", "approved", "rejected"] as const

export const AdminGetApplicationsParams = listParams(
  { q: searchFilter.optional(), id: idFilter("id").optional(), status: enumFilter(APPLICATION_STATUSES).optional() },
  { limit: 20, paged_by_cursor: false }
)
export type AdminGetApplicationsParamsType = z.infer<typeof AdminGetApplicationsParams>
export const AdminGetApplicationParams = createFindParams()

export const AdminApproveApplication = z.strictObject({
  code: z.string().trim().regex(AFFILIATE_CODE_PATTERN, "code must be 1-64 letters, digits, underscores or dashes").optional(),
})
export type AdminApproveApplicationType = z.infer<typeof AdminApproveApplication>

export const AdminRejectApplication = z.strictObject({
  reason: z
    .string({ error: "reason is required: the applicant's mail quotes it" })
    .trim()
    .min(1, "reason must not be empty")
    .max(500, "reason must be at most 500 characters"),
})
export type AdminRejectApplicationType = z.infer<typeof AdminRejectApplication>
