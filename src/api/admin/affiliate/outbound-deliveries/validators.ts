import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { booleanFilter, enumFilter, idFilter } from "../validators"

export const AdminGetDeliveriesParams = createFindParams({ limit: 20, offset: 0, order: "-created_at" }).extend({
  campaign_id: idFilter("campaign_id").optional(),
  conversion_id: idFilter("conversion_id").optional(),
  status: enumFilter(["pending", "delivered", "failed"] as const).optional(),
  is_test: booleanFilter("is_test").optional(),
})
export type AdminGetDeliveriesParamsType = z.infer<typeof AdminGetDeliveriesParams>
