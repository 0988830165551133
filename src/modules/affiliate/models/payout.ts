import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"
import { AffiliatePayoutLine } from "./payout-line"

/**
 * A batch of approved conversions and commission adjustments paid to one affiliate in one
 * currency. `amount` is the sum of its lines. Marked paid with the transfer's reference.
 */
export const AffiliatePayout = model
  .define("affiliate_payout", {
    id: model.id({ prefix: "apay" }).primaryKey(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    status: model.enum(["open", "paid"]).default("open"),
    // The bank transfer id (or any reference) the admin paid it with.
    reference: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    affiliate: model.belongsTo((): typeof Affiliate => Affiliate, { mappedBy: "payouts" }),
    lines: model.hasMany((): typeof AffiliatePayoutLine => AffiliatePayoutLine, { mappedBy: "payout" }),
  })
  .indexes([{ on: ["affiliate_id", "created_at"] }, { on: ["status", "created_at"] }])
