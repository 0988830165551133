import type { CursorFindParams, CursorPaginatedResponse, OneOrMany } from "./common"
import type { OutboundMethod } from "./campaign"

export type OutboundDeliveryStatus = "pending" | "delivered" | "failed"

/** One try at a delivery: what the network answered. */
export type AdminOutboundAttempt = {
  id: string
  http_status: number | null
  /** The network error when no HTTP answer came (timeout, refused connection). */
  error: string | null
  /** At most 500 characters of the answer. */
  response_excerpt: string | null
  duration_ms: number
  created_at: string
}

/** An outbox entry with its attempts; the network's API key is never in it. */
export type AdminOutboundDelivery = {
  id: string
  conversion_id: string | null
  campaign_id: string
  url: string
  method: OutboundMethod
  /** The parameters as sent (under the campaign's outbound parameter names). */
  payload: Record<string, string>
  status: OutboundDeliveryStatus
  is_test: boolean
  attempt_count: number
  max_attempts: number
  next_attempt_at: string | null
  delivered_at: string | null
  created_at: string
  attempts: AdminOutboundAttempt[]
}

/** `GET /admin/affiliate/outbound-deliveries` (20 a page by default, newest first). */
export type AdminOutboundDeliveryListParams = CursorFindParams & {
  campaign_id?: OneOrMany<string>
  conversion_id?: OneOrMany<string>
  status?: OneOrMany<OutboundDeliveryStatus>
  is_test?: boolean
}
export type AdminOutboundDeliveryListResponse = CursorPaginatedResponse<"deliveries", AdminOutboundDelivery>

/** `POST /admin/affiliate/campaigns/:id/outbound/test`: the test delivery with its attempt. */
export type AdminOutboundTestResponse = { delivery: AdminOutboundDelivery }
