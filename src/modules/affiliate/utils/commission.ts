import { MathBN } from "@medusajs/framework/utils"
import { currencyDecimals, sumAmounts } from "./money"

/*
 * What a conversion earns (contract, section 8): the campaign's own rate, or the first of its
 * ordered rules that matches. Pure, so every rule is unit-tested; the module records the rate each
 * item earned with the item, and recomputes amounts later with that rate, never with the
 * campaign's current rules.
 */

export type CustomerType = "new" | "returning"

/** Every key is optional; all the keys a rule has must match. Lists match when the item has one of their values. */
export type RuleMatch = {
  sku?: string[]
  product_id?: string[]
  category?: string[]
  collection?: string[]
  customer_type?: CustomerType
  /** The affiliate's live sales in the campaign this calendar month (UTC), in the conversion's currency, before it. */
  min_monthly_sales?: string
}

export type CommissionRule = { id: string; name?: string | null; match: RuleMatch; commission_value: string }

/** The item keys a rule may match on; flat campaigns (and lead campaigns) may use none of them. */
export const ITEM_MATCH_KEYS = ["sku", "product_id", "category", "collection"] as const

export type CampaignCommission = {
  commission_type: "percentage" | "flat"
  commission_value: string
  /** A flat commission's currency; a percentage is paid in the order's. */
  currency_code: string | null
  commission_rules: CommissionRule[]
}

export type SoldItem = {
  sku: string
  product_id: string | null
  category: string[]
  collection: string | null
  quantity: number
  /** For all its units, after discounts, excluding tax and shipping. */
  item_value: string
  metadata: Record<string, unknown> | null
}

export type PricedItem = SoldItem & {
  /** Null for a flat campaign: it pays per conversion. */
  commission_amount: string | null
  commission_rate: string | null
  rule_id: string | null
}

/** What the buyer and the affiliate bring to the rules besides the items. */
export type SaleFacts = {
  customer_type: CustomerType | null
  /** Null when no rule asks for it (it is read from the rollups only then). */
  monthly_sales: string | null
}

export type ConversionCommission = {
  commission_type: "percentage" | "flat"
  commission_amount: string
  commission_currency: string
  /** The rate of a conversion without items (a percentage), or a flat campaign's amount; null with items. */
  commission_rate: string | null
  commission_rule_id: string | null
  items: PricedItem[]
}

/** Whether the rules need the affiliate's sales this month (read from the rollups only when they do). */
export function needsMonthlySales(rules: CommissionRule[]): boolean {
  return rules.some((r) => r.match.min_monthly_sales !== undefined)
}

/** Whether `rule` matches `item` (null: the conversion as a whole, which has no sku, product, category or collection). */
export function ruleMatches(rule: CommissionRule, item: SoldItem | null, facts: SaleFacts): boolean {
  const { match } = rule
  if (match.sku && !(item && match.sku.includes(item.sku))) return false
  if (match.product_id && !(item?.product_id && match.product_id.includes(item.product_id))) return false
  if (match.category && !(item && item.category.some((c) => match.category!.includes(c)))) return false
  if (match.collection && !(item?.collection && match.collection.includes(item.collection))) return false
  if (match.customer_type && facts.customer_type !== match.customer_type) return false
  if (match.min_monthly_sales !== undefined && !(facts.monthly_sales !== null && MathBN.gte(facts.monthly_sales, match.min_monthly_sales))) return false
  return true
}

/** `rate` % of `value`, rounded half-up to the currency's minor unit. */
export function percentOf(value: string, rate: string, currency: string): string {
  const digits = currencyDecimals(currency) ?? 2
  return MathBN.convert(MathBN.div(MathBN.mult(value, rate), 100), digits).toFixed()
}

/** A flat amount as the currency writes it (its minor unit). */
function flatAmount(value: string, currency: string): string {
  return MathBN.convert(value, currencyDecimals(currency) ?? 2).toFixed()
}

/**
 * The commission of a sale. A percentage campaign prices each item on its own (the first rule that
 * matches it, else the campaign's rate), rounded half-up per item, and the conversion earns their
 * sum; without items the sale is one item with no sku, product, category or collection. A flat
 * campaign pays the first matching rule's amount (rules of flat campaigns match only the customer
 * and the monthly sales), else its own, for the whole conversion, in its currency.
 */
export function priceConversion(
  campaign: CampaignCommission,
  sale: { order_total: string; order_currency: string; items: SoldItem[] },
  facts: SaleFacts
): ConversionCommission {
  const orderCurrency = sale.order_currency.toLowerCase()
  const firstMatch = (item: SoldItem | null) => campaign.commission_rules.find((r) => ruleMatches(r, item, facts)) ?? null
  if (campaign.commission_type === "flat") {
    const rule = firstMatch(null)
    const currency = (campaign.currency_code || orderCurrency).toLowerCase()
    const amount = flatAmount(rule?.commission_value ?? campaign.commission_value, currency)
    return {
      commission_type: "flat",
      commission_amount: amount,
      commission_currency: currency,
      commission_rate: amount,
      commission_rule_id: rule?.id ?? null,
      items: sale.items.map((item) => ({ ...item, commission_amount: null, commission_rate: null, rule_id: null })),
    }
  }
  if (!sale.items.length) {
    const rule = firstMatch(null)
    const rate = rule?.commission_value ?? campaign.commission_value
    return {
      commission_type: "percentage",
      commission_amount: percentOf(sale.order_total, rate, orderCurrency),
      commission_currency: orderCurrency,
      commission_rate: MathBN.convert(rate).toFixed(),
      commission_rule_id: rule?.id ?? null,
      items: [],
    }
  }
  // Each rate read once per sale, not once per item.
  const campaignRate = MathBN.convert(campaign.commission_value).toFixed()
  const ruleRates = new Map(campaign.commission_rules.map((r) => [r, MathBN.convert(r.commission_value).toFixed()]))
  const items = sale.items.map((item) => {
    const rule = firstMatch(item)
    const rate = rule ? ruleRates.get(rule)! : campaignRate
    return { ...item, commission_amount: percentOf(item.item_value, rate, orderCurrency), commission_rate: rate, rule_id: rule?.id ?? null }
  })
  return {
    commission_type: "percentage",
    commission_amount: sumAmounts(items.map((i) => i.commission_amount)),
    commission_currency: orderCurrency,
    commission_rate: null,
    commission_rule_id: null,
    items,
  }
}

/** A test conversion proves the integration, not a sale: it earns nothing, though its items show the rates they would have. */
export function asTestCommission(priced: ConversionCommission): ConversionCommission {
  return {
    ...priced,
    commission_amount: "0",
    items: priced.items.map((i) => ({ ...i, commission_amount: i.commission_amount === null ? null : "0" })),
  }
}
