/** What an erasure's record holds: counts, who and when; never what was erased. */
export const ERASURE_FIELDS = [
  "id", "scope", "requested_by", "orders_matched", "conversions_cleared", "clicks_cleared", "deliveries_cleared",
  "attributions_deleted", "request_logs_deleted", "created_at",
]
