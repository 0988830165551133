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
