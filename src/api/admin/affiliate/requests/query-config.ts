export const requestLogFields = [
  "id",
  "request_id",
  "source",
  "method",
  "outcome",
  "http_status",
  "reason",
  "campaign_id",
  "key_prefix",
  "order_id",
  "click_token",
  "conversion_id",
  "is_test",
  "created_at",
]

export const listRequestsTransformQueryConfig = {
  defaults: requestLogFields,
  allowed: requestLogFields,
  isList: true,
}
