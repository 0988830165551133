export const conversionFields = [
  "id",
  "campaign_id",
  "affiliate_id",
  "click_id",
  "order_id",
  "order_total",
  "order_currency",
  "commission_amount",
  "commission_currency",
  "status",
  "status_reason",
  "source",
  "promotion_code",
  "is_test",
  "limited_data_use",
  "user_agent",
  "ip_hash",
  "device_type",
  "context",
  "occurred_at",
  "duplicate_count",
  "metadata",
  "customer_type",
  "commission_rule_id",
  "signals",
  "flagged",
  "created_at",
  "updated_at",
]

const allowed = [
  ...conversionFields,
  "campaign.id",
  "campaign.name",
  "campaign.handle",
  "affiliate.id",
  "affiliate.code",
  "affiliate.name",
  "click.id",
  "click.click_token",
  "click.created_at",
]

export const retrieveConversionTransformQueryConfig = {
  defaults: conversionFields,
  allowed,
  isList: false,
}

export const listConversionsTransformQueryConfig = {
  ...retrieveConversionTransformQueryConfig,
  isList: true,
}
