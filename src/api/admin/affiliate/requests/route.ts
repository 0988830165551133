import { listRoute } from "../list-route"

/**
 * GET /admin/affiliate/requests: the request log behind "why didn't it fire?" (README,
 * "Troubleshooting"), newest first. Filters `campaign_id`, `outcome`, `source`, `order_id`,
 * `request_id`, `click_token`, `is_test`, `created_at[gte|lte]`. Entries hold a key's prefix, never the key.
 */
export const GET = listRoute({ entity: "affiliate_request_log", table: "affiliate_request_log", key: "requests" })
