export const payoutFields = ["id", "affiliate_id", "currency_code", "amount", "status", "reference", "paid_at", "created_at", "updated_at"]

export const listPayoutsTransformQueryConfig = {
  defaults: payoutFields,
  allowed: [...payoutFields, "affiliate.id", "affiliate.code", "affiliate.name"],
  isList: true,
}
