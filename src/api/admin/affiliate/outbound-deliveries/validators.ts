import { z } from "@medusajs/framework/zod"
import { booleanFilter, enumFilter, idFilter, listParams } from "../validators"

export const AdminGetDeliveriesParams = listParams(
  {
    campaign_id: idFilter("campaign_id").optional(),
    conversion_id: idFilter("conversion_id").optional(),
    status: enumFilter(["pending", "delivered", "failed"] as const).optional(),
    is_test: booleanFilter("is_test").optional(),
  },
  { limit: 20, paged_by_cursor: true }
)
export type AdminGetDeliveriesParamsType = z.infer<typeof AdminGetDeliveriesParams>
