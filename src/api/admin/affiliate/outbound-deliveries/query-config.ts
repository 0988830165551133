/** What the admin reads of an outbound delivery; the network's key is never in it. */
export const DELIVERY_FIELDS = [
  "id",
  "conversion_id",
  "campaign_id",
  "url",
  "method",
  "payload",
  "status",
  "is_test",
  "attempt_count",
  "max_attempts",
  "next_attempt_at",
  "delivered_at",
  "created_at",
  "attempts.id",
  "attempts.http_status",
  "attempts.error",
  "attempts.response_excerpt",
  "attempts.duration_ms",
  "attempts.created_at",
]

export const listDeliveriesQueryConfig = { defaults: DELIVERY_FIELDS, allowed: DELIVERY_FIELDS, isList: true }
