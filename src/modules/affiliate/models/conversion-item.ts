import { model } from "@medusajs/framework/utils"
import { AffiliateConversion } from "./conversion"

/**
 * One line of what a conversion sold (contract, section 8), with the rate it earned when it was
 * recorded: changing a campaign's rules later never changes it.
 */
export const AffiliateConversionItem = model
  .define("affiliate_conversion_item", {
    id: model.id({ prefix: "acit" }).primaryKey(),
    // The shop's own product reference; on the Medusa store, the variant's SKU (its id without one).
    sku: model.text(),
    product_id: model.text().nullable(),
    // Category handles: one from an S2S call, each of the product's categories on the store.
    category: model.array().default([]),
    collection: model.text().nullable(),
    quantity: model.number().default(1),
    // For all its units, after discounts, excluding tax and shipping.
    item_value: model.bigNumber(),
    // Null for a flat campaign, which pays per conversion, not per item.
    commission_amount: model.bigNumber().nullable(),
    commission_rate: model.bigNumber().nullable(),
    // The campaign rule that set the rate; null when the campaign's own rate applied.
    rule_id: model.text().nullable(),
    status: model.enum(["pending", "approved", "rejected"]).default("pending"),
    metadata: model.json().nullable(),
    conversion: model.belongsTo((): typeof AffiliateConversion => AffiliateConversion, { mappedBy: "items" }),
  })
  .indexes([{ on: ["conversion_id", "sku"] }])
