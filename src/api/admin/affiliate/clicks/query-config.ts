// Every column a click has: the IP is only ever a keyed hash, never the address.
export const clickFields = [
  "id",
  "click_token",
  "campaign_id",
  "affiliate_id",
  "sub1",
  "sub2",
  "sub3",
  "sub4",
  "sub5",
  "landing_url",
  "referrer",
  "user_agent",
  "device_type",
  "ip_hash",
  "expires_at",
  "created_at",
]

export const listClicksTransformQueryConfig = {
  defaults: clickFields,
  allowed: [...clickFields, "campaign.id", "campaign.name", "campaign.handle", "affiliate.id", "affiliate.code", "affiliate.name"],
  isList: true,
}
