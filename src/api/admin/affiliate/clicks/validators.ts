import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { checkPagination, dateRangeFilter, idFilter } from "../validators"

export const AdminGetClicksParams = createFindParams({ limit: 50, offset: 0, order: "-created_at" })
  .extend({
    campaign_id: idFilter("campaign_id").optional(),
    affiliate_id: idFilter("affiliate_id").optional(),
    click_token: z.string().min(1).max(128).optional(),
    device_type: z.enum(["desktop", "mobile", "tablet", "bot", "other"]).optional(),
    created_at: dateRangeFilter("created_at").optional(),
  })
  .superRefine(checkPagination)
export type AdminGetClicksParamsType = z.infer<typeof AdminGetClicksParams>
