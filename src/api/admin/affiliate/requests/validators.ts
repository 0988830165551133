import { z } from "@medusajs/framework/zod"
import { booleanFilter, dateRangeFilter, enumFilter, idFilter, listParams } from "../validators"

export const AdminGetRequestsParams = listParams(
  {
    campaign_id: idFilter("campaign_id").optional(),
    outcome: enumFilter(["success", "duplicate", "skipped", "error"] as const).optional(),
    source: enumFilter(["s2s", "store"] as const).optional(),
    order_id: z.string().min(1).max(255).optional(),
    request_id: z.string().min(1).max(100).optional(),
    click_token: z.string().min(1).max(128).optional(),
    is_test: booleanFilter("is_test").optional(),
    created_at: dateRangeFilter("created_at").optional(),
  },
  { limit: 50, paged_by_cursor: true }
)
export type AdminGetRequestsParamsType = z.infer<typeof AdminGetRequestsParams>
