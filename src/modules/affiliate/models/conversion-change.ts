import { model } from "@medusajs/framework/utils"
import { AffiliateConversion } from "./conversion"

/**
 * One change of a conversion's status or amounts, by whatever path, with who made it and why:
 * the conversion's history (`GET /admin/affiliate/conversions/:id/history`).
 */
export const AffiliateConversionChange = model
  .define("affiliate_conversion_change", {
    id: model.id({ prefix: "acchg" }).primaryKey(),
    // "s2s", "store", "system" or "user:<id>".
    actor: model.text(),
    // "status", "commission_amount", "order_total", "payout", "adjustment", or an item's ("items.<sku>.status").
    field: model.text(),
    from_value: model.text().nullable(),
    to_value: model.text().nullable(),
    reason: model.text().nullable(),
    conversion: model.belongsTo((): typeof AffiliateConversion => AffiliateConversion, { mappedBy: "changes" }),
  })
  .indexes([{ on: ["conversion_id", "created_at"] }])
