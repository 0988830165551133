import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"
import { AffiliateCampaign } from "./campaign"
import { AffiliateClick } from "./click"
import { AffiliateCommissionAdjustment } from "./commission-adjustment"
import { AffiliateConversionChange } from "./conversion-change"
import { AffiliateConversionItem } from "./conversion-item"

/**
 * An order (or a lead) attributed to a click or to an affiliate's promotion code, with the
 * commission it earns. Unique per campaign and order.
 */
export const AffiliateConversion = model
  .define("affiliate_conversion", {
    id: model.id({ prefix: "aconv" }).primaryKey(),
    order_id: model.text(),
    order_total: model.bigNumber(),
    order_currency: model.text(),
    commission_amount: model.bigNumber(),
    commission_currency: model.text(),
    // The rate it was recorded with, kept so amounts are recomputed with it later (a validation):
    // a percentage, or a flat campaign's amount; the rule that set it (null: the campaign's own).
    // Per item for a percentage campaign's items (see AffiliateConversionItem).
    commission_type: model.enum(["percentage", "flat"]).nullable(),
    commission_rate: model.bigNumber().nullable(),
    commission_rule_id: model.text().nullable(),
    // "new" or "returning": from the S2S call, or the Medusa customer's order history.
    customer_type: model.enum(["new", "returning"]).nullable(),
    status: model.enum(["pending", "approved", "rejected", "paid", "reversed"]).default("pending"),
    status_reason: model.text().nullable(),
    source: model.enum(["s2s", "store", "coupon"]),
    // The promotion code that earned a coupon conversion, as the order used it.
    promotion_code: model.text().nullable(),
    is_test: model.boolean().default(false),
    limited_data_use: model.boolean().default(false),
    user_agent: model.text().nullable(),
    ip_hash: model.text().nullable(),
    device_type: model.text().nullable(),
    context: model.text().nullable(),
    occurred_at: model.dateTime(),
    // Later calls for the same order: how often a shop re-sent it (double tagging shows here).
    duplicate_count: model.number().default(0),
    // What the commission was computed on, for recomputing after a partial refund.
    refunded_total: model.bigNumber().default(0),
    metadata: model.json().nullable(),
    // Fraud signals raised when it was recorded: [{ code, reason, evidence }] (utils/fraud-signals.ts).
    signals: model.json().default([] as unknown as Record<string, unknown>),
    // Held for review: it has a signal the merchant has not trusted. The hold-period job skips it.
    flagged: model.boolean().default(false),
    campaign: model.belongsTo((): typeof AffiliateCampaign => AffiliateCampaign, { mappedBy: "conversions" }),
    affiliate: model.belongsTo((): typeof Affiliate => Affiliate, { mappedBy: "conversions" }),
    // Null for a coupon conversion: the code, not a click, earned it.
    click: model.belongsTo((): typeof AffiliateClick => AffiliateClick, { mappedBy: "conversions" }).nullable(),
    adjustments: model.hasMany((): typeof AffiliateCommissionAdjustment => AffiliateCommissionAdjustment, { mappedBy: "conversion" }),
    changes: model.hasMany((): typeof AffiliateConversionChange => AffiliateConversionChange, { mappedBy: "conversion" }),
    items: model.hasMany((): typeof AffiliateConversionItem => AffiliateConversionItem, { mappedBy: "conversion" }),
  })
  .indexes([
    // One conversion per campaign and order; live and test ones apart, so a test never blocks the
    // real order. Leading with order_id, it also finds an order's conversions (order widget, erasure).
    { on: ["order_id", "campaign_id", "is_test"], unique: true },
    // The admin's lists, newest first: by campaign, by affiliate, or all.
    { on: ["campaign_id", "created_at"] },
    { on: ["affiliate_id", "created_at"] },
    { on: ["created_at"] },
    // Automatic approval after the hold period walks the pending ones, the oldest first.
    { on: ["status", "created_at"] },
    // The review queue: flagged conversions still pending, newest first.
    { name: "IDX_affiliate_conversion_review_queue", on: ["created_at"], where: "flagged = true AND status = 'pending'" },
    // ip_velocity: an affiliate's conversions from one IP hash in the last hour (one range of this
    // index, however many conversions the affiliate has from other addresses).
    { on: ["affiliate_id", "ip_hash", "created_at"], where: "ip_hash IS NOT NULL" },
  ])
