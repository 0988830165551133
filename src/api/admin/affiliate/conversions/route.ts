import { listRoute } from "../list-route"

/**
 * GET /admin/affiliate/conversions: filters `campaign_id`, `affiliate_id`, `click_id`, `status`,
 * `source`, `is_test`, `order_id`, `created_at[gte|lte]`; newest first, paged by `offset` or `after`.
 */
export const GET = listRoute({ entity: "affiliate_conversion", table: "affiliate_conversion", key: "conversions" })
