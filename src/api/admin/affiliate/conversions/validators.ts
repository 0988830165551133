import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { booleanFilter, dateRangeFilter, enumFilter, idFilter, listParams } from "../validators"

export const CONVERSION_STATUSES = ["pending", "approved", "rejected", "paid", "reversed"] as const

export const CONVERSION_SOURCES = ["s2s", "store", "coupon"] as const

/** The list's filters; the export takes the same ones. */
const conversionFilters = {
    id: idFilter("id").optional(),
    campaign_id: idFilter("campaign_id").optional(),
    affiliate_id: idFilter("affiliate_id").optional(),
    click_id: idFilter("click_id").optional(),
    status: enumFilter(CONVERSION_STATUSES).optional(),
    source: enumFilter(CONVERSION_SOURCES).optional(),
    is_test: booleanFilter("is_test").optional(),
    order_id: z.string().min(1).max(255).optional(),
    created_at: dateRangeFilter("created_at").optional(),
    // true: the review queue (flagged and still pending); false: every other conversion.
    flagged: booleanFilter("flagged").optional(),
}

export const AdminGetConversionParams = createFindParams()
export const AdminGetConversionsParams = listParams(conversionFilters, { limit: 20, paged_by_cursor: true })

/** `GET /admin/affiliate/conversions/export`: the list's filters, every matching row; `per=item`: one row per item. */
export const AdminExportConversionsParams = z.strictObject({ ...conversionFilters, per: z.enum(["conversion", "item"]).optional() })
export type AdminExportConversionsParamsType = z.infer<typeof AdminExportConversionsParams>
export type AdminGetConversionsParamsType = z.infer<typeof AdminGetConversionsParams>

const reason = z.string().trim().min(1, "reason must not be empty").max(500, "reason must be at most 500 characters")

export const AdminApproveConversion = z.object({ reason: reason.optional() })
export type AdminApproveConversionType = z.infer<typeof AdminApproveConversion>

export const AdminRejectConversion = z.object({ reason })
export type AdminRejectConversionType = z.infer<typeof AdminRejectConversion>
