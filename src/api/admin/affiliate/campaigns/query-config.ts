export const campaignFields = [
  "id",
  "name",
  "handle",
  "type",
  "tool_type",
  "target_url",
  "allowed_redirect_hosts",
  "integration_method",
  "commission_type",
  "commission_value",
  "currency_code",
  "commission_rules",
  "attribution_window_days",
  "hold_days",
  "attribution_precedence",
  "orders_per_click",
  "show_order_ids_on_statement",
  "unique_click_window_minutes",
  "fraud_rules",
  "status",
  "metadata",
  "outbound_url",
  "outbound_method",
  "outbound_parameter_names",
  "created_at",
  "updated_at",
]

// Only these can be asked for with `fields` or sorted on with `order`; the API keys never can.
const allowed = [...campaignFields, "deleted_at"]

export const retrieveCampaignTransformQueryConfig = {
  defaults: campaignFields,
  allowed,
  isList: false,
}

export const listCampaignsTransformQueryConfig = {
  ...retrieveCampaignTransformQueryConfig,
  isList: true,
}
