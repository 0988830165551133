import { listRoute } from "../list-route"

/**
 * GET /admin/affiliate/clicks: filters `campaign_id`, `affiliate_id`, `click_token`,
 * `device_type`, `created_at[gte|lte]`; newest first, paged by `offset` or `after`.
 */
export const GET = listRoute({ entity: "affiliate_click", table: "affiliate_click", key: "clicks" })
