import { model } from "@medusajs/framework/utils"
import { AffiliateApiKey } from "./api-key"
import { AffiliateClick } from "./click"
import { AffiliateConversion } from "./conversion"
import { AffiliatePromotion } from "./promotion"
import { DEFAULT_FRAUD_RULES } from "../utils/fraud-signals"

/** What affiliates promote: where its links land and how its conversions are paid. */
export const AffiliateCampaign = model
  .define("affiliate_campaign", {
    id: model.id({ prefix: "acmp" }).primaryKey(),
    name: model.text().searchable(),
    handle: model.text(),
    type: model.enum(["banner", "text", "link", "video"]).default("link"),
    tool_type: model.enum(["sale", "lead"]).default("sale"),
    target_url: model.text(),
    // Hosts besides the target URL's own that the `url` deep link may send shoppers to.
    allowed_redirect_hosts: model.array().default([]),
    integration_method: model.enum(["s2s"]).default("s2s"),
    commission_type: model.enum(["percentage", "flat"]).default("percentage"),
    commission_value: model.bigNumber(),
    // Currency of a flat commission; percentage commissions are paid in the order's currency.
    currency_code: model.text().nullable(),
    // Ordered; the first that matches an item sets its rate (utils/commission-rules.ts). Each has
    // a server-assigned id that items keep as `rule_id`.
    commission_rules: model.json().default([] as unknown as Record<string, unknown>),
    attribution_window_days: model.number().default(30),
    status: model.enum(["active", "paused", "archived"]).default("active"),
    // Pending conversions older than this many days are approved by the hold-period job (the
    // usual return window); reversals and refunds during the hold are applied first.
    hold_days: model.number().default(30),
    // When an order has both a click and an affiliate's promotion code in this campaign, which one
    // is credited: the code (the shopper's explicit act) or the click.
    attribution_precedence: model.enum(["coupon", "click"]).default("coupon"),
    // Which orders through one click earn a conversion: every order inside the attribution window
    // (as the networks do), or only the first; a later one is logged as `click_already_converted`.
    orders_per_click: model.enum(["every", "first"]).default("every"),
    // A repeat visit by the same visitor through the same link within this many minutes reuses the
    // first click and its token (0: every visit is a new click).
    unique_click_window_minutes: model.number().default(60),
    // Thresholds of the fraud signals and which ones this campaign raises (utils/fraud-signals.ts).
    fraud_rules: model.json().default({ ...DEFAULT_FRAUD_RULES } as unknown as Record<string, unknown>),
    // Whether affiliates see the order ids of their conversions on their statement page.
    show_order_ids_on_statement: model.boolean().default(false),
    // Forwarding to an external network's S2S endpoint (optional). Parameter names default to
    // this plugin's own contract, so two installations can talk to each other.
    outbound_url: model.text().nullable(),
    outbound_method: model.enum(["POST", "GET"]).default("POST"),
    outbound_api_key_ciphertext: model.text().nullable(),
    outbound_parameter_names: model.json().nullable(),
    metadata: model.json().nullable(),
    // Relations name their model's type (`(): typeof X`), here and in every model: the published
    // declarations then refer to it instead of repeating it (README, "Development").
    api_keys: model.hasMany((): typeof AffiliateApiKey => AffiliateApiKey, { mappedBy: "campaign" }),
    clicks: model.hasMany((): typeof AffiliateClick => AffiliateClick, { mappedBy: "campaign" }),
    conversions: model.hasMany((): typeof AffiliateConversion => AffiliateConversion, { mappedBy: "campaign" }),
    promotions: model.hasMany((): typeof AffiliatePromotion => AffiliatePromotion, { mappedBy: "campaign" }),
  })
  .indexes([{ on: ["handle"], unique: true }])
