import { listRoute } from "../list-route"

/**
 * GET /admin/affiliate/outbound-deliveries: the outbox, newest first, each delivery with its
 * attempts. Filters `campaign_id`, `conversion_id`, `status`, `is_test`.
 */
export const GET = listRoute({ entity: "affiliate_outbound_delivery", table: "affiliate_outbound_delivery", key: "deliveries" })
