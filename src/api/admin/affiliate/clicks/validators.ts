import { z } from "@medusajs/framework/zod"
import { dateRangeFilter, idFilter, listParams } from "../validators"

export const AdminGetClicksParams = listParams(
  {
    campaign_id: idFilter("campaign_id").optional(),
    affiliate_id: idFilter("affiliate_id").optional(),
    click_token: z.string().min(1).max(128).optional(),
    device_type: z.enum(["desktop", "mobile", "tablet", "bot", "other"]).optional(),
    created_at: dateRangeFilter("created_at").optional(),
  },
  { limit: 50, paged_by_cursor: true }
)
export type AdminGetClicksParamsType = z.infer<typeof AdminGetClicksParams>

const exportDate = (field: "from" | "to") =>
  z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v) && !Number.isNaN(Date.parse(v)), {
      message: `${field} must be an ISO 8601 date (2026-01-31) or date-time`,
    })

/**
 * `GET /admin/affiliate/clicks/export?campaign_id=&from=&to=`: one campaign's clicks, `from` and
 * `to` inclusive (a date alone means that whole UTC day).
 */
export const AdminExportClicksParams = z.strictObject({
  campaign_id: z.string({ error: "campaign_id is required: clicks are exported one campaign at a time" }).min(1).max(100),
  from: exportDate("from").optional(),
  to: exportDate("to").optional(),
})
export type AdminExportClicksParamsType = z.infer<typeof AdminExportClicksParams>
