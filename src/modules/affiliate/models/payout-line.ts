import { model } from "@medusajs/framework/utils"
import { AffiliatePayout } from "./payout"

/**
 * One conversion or one commission adjustment in a payout, with the amount it adds (negative for
 * an adjustment the affiliate owes back). Each conversion and adjustment is in one payout at most:
 * the unique indexes decide, so two payout runs at once cannot pay anything twice.
 */
export const AffiliatePayoutLine = model
  .define("affiliate_payout_line", {
    id: model.id({ prefix: "apyl" }).primaryKey(),
    conversion_id: model.text().nullable(),
    adjustment_id: model.text().nullable(),
    amount: model.bigNumber(),
    payout: model.belongsTo((): typeof AffiliatePayout => AffiliatePayout, { mappedBy: "lines" }),
  })
  .indexes([
    { on: ["conversion_id"], unique: true, where: "conversion_id IS NOT NULL" },
    { on: ["adjustment_id"], unique: true, where: "adjustment_id IS NOT NULL" },
  ])
