import { clickExpired } from "./time"

/**
 * Whether a sale earns a conversion: one decision for the S2S endpoint and the store path, with
 * one precedence list and one set of reasons. Pure, so every reason is unit-tested; the S2S route
 * maps a reason to its HTTP answer (`s2sAnswerFor` in the route), the store path logs it. A Medusa
 * order may also carry affiliates' promotion codes: `decideOrderCredits` (below) weighs them
 * against the click, campaign by campaign.
 *
 * Precedence, first failing check wins:
 *   no_attribution → consent_not_granted → no_click_token → unknown_click →
 *   occurred_in_future → occurred_before_click → click_expired →
 *   campaign_paused | campaign_archived → affiliate_paused → click_already_converted
 */
export type ConversionFacts = {
  /** What the shop or storefront said: the token and the shopper's consent. Null: nothing at all. */
  attribution: { consent: "granted" | "denied" | null; click_token: string | null } | null
  /** The click the token names, if it exists. */
  click: { campaign_id: string; affiliate_id: string; expires_at: Date | string; created_at: Date | string } | null
  /** The campaign the sale is reported to (an S2S key's campaign); absent: the click's own. */
  campaign_id?: string
  /** `orders_per_click`: "first" credits only the first order through a click (default "every"). */
  campaign: { status: "active" | "paused" | "archived"; orders_per_click?: "every" | "first" } | null
  affiliate: { status: "active" | "paused" } | null
  /**
   * Whether another order already earned a conversion through this click (and this one is not
   * recorded yet: its repeat stays a duplicate). Looked up only for a campaign whose
   * `orders_per_click` is "first", an index lookup the others never pay for.
   */
  click_converted?: boolean
  /** When the sale happened (the order's creation, or the S2S call's `occurred_at`). */
  occurred_at: Date | string
  /** Sales reported more than this far ahead of `now` are refused (clock skew allowance). */
  now?: Date
}

export type SkipReason =
  | "no_attribution"
  | "consent_not_granted"
  | "no_click_token"
  | "unknown_click"
  | "occurred_in_future"
  | "occurred_before_click"
  | "click_expired"
  | "campaign_paused"
  | "campaign_archived"
  | "affiliate_paused"
  | "click_already_converted"

export type ConversionDecision = { record: true } | { record: false; reason: SkipReason }

/** How far in the future a reported sale may be: clocks of two servers disagree a little. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000

export function decideConversion(facts: ConversionFacts): ConversionDecision {
  const skip = (reason: SkipReason): ConversionDecision => ({ record: false, reason })
  if (!facts.attribution) return skip("no_attribution")
  // Consent must have been given explicitly: absent counts as not granted (README, "Storefront integration").
  if (facts.attribution.consent !== "granted") return skip("consent_not_granted")
  if (!facts.attribution.click_token) return skip("no_click_token")
  // A token of another campaign is treated like an unknown one: no hint that it exists elsewhere.
  const otherCampaign = facts.campaign_id !== undefined && facts.click?.campaign_id !== facts.campaign_id
  if (!facts.click || !facts.campaign || !facts.affiliate || otherCampaign) return skip("unknown_click")
  const occurredAt = new Date(facts.occurred_at).getTime()
  if (facts.now && occurredAt > facts.now.getTime() + FUTURE_SKEW_MS) return skip("occurred_in_future")
  if (occurredAt < new Date(facts.click.created_at).getTime()) return skip("occurred_before_click")
  if (clickExpired(facts.click.expires_at, facts.occurred_at)) return skip("click_expired")
  if (facts.campaign.status !== "active") return skip(`campaign_${facts.campaign.status}`)
  if (facts.affiliate.status !== "active") return skip("affiliate_paused")
  if (facts.campaign.orders_per_click === "first" && facts.click_converted) return skip("click_already_converted")
  return { record: true }
}

/** An affiliate's promotion code that the order used, with the campaign and affiliate that own it. */
export type CouponFacts = {
  code: string
  campaign_id: string
  affiliate_id: string
  campaign: { status: "active" | "paused" | "archived"; attribution_precedence: "coupon" | "click" }
  affiliate: { status: "active" | "paused" }
}

/** What a Medusa order brings: the cart's click attribution, and the affiliates' codes it used. */
export type OrderFacts<C extends CouponFacts = CouponFacts> = ConversionFacts & { coupons: C[] }

export type CouponSkipReason =
  | "coupon_campaign_paused"
  | "coupon_campaign_archived"
  | "coupon_affiliate_paused"
  /** Another affiliate's code of the same campaign was credited (the first by code). */
  | "another_coupon_credited"

/**
 * Why a conversion was recorded: `recorded` (the click, no code of its campaign), `coupon` (an
 * affiliate's code, no valid click in its campaign), or which one won when the order had both in
 * one campaign (the campaign's `attribution_precedence`).
 */
export type CreditReason = "recorded" | "coupon" | "coupon_over_click" | "click_over_coupon"

export type OrderCredit<C extends CouponFacts = CouponFacts> =
  | { record: true; via: "click"; campaign_id: string; reason: "recorded" | "click_over_coupon" }
  | { record: true; via: "coupon"; campaign_id: string; reason: "coupon" | "coupon_over_click"; coupon: C }
  | { record: false; campaign_id: string | null; reason: SkipReason | CouponSkipReason; code?: string }

function couponSkip(coupon: CouponFacts): CouponSkipReason | null {
  if (coupon.campaign.status !== "active") return `coupon_campaign_${coupon.campaign.status}`
  if (coupon.affiliate.status !== "active") return "coupon_affiliate_paused"
  return null
}

/**
 * Who is credited for a Medusa order, campaign by campaign: at most one conversion per campaign
 * (the database's unique index agrees), so two affiliates are never both credited in one campaign.
 *
 * - A code of an active campaign and affiliate credits its affiliate. It needs no tracking, so no
 *   consent; several codes of one campaign: the first by code wins, the others are logged.
 * - A click that `decideConversion` accepts credits the click's affiliate.
 * - Both in one campaign: the campaign's `attribution_precedence` decides (`coupon` by default,
 *   the shopper's explicit act), and the reason says so.
 * - The click's skip reason is kept (logged) unless its campaign was credited by a code, or it
 *   names no campaign at all while a code credited the order.
 */
export function decideOrderCredits<C extends CouponFacts>(facts: OrderFacts<C>): OrderCredit<C>[] {
  const click = decideConversion(facts)
  const clickCampaign = facts.click?.campaign_id ?? null
  const credits: OrderCredit<C>[] = []
  const byCampaign = new Map<string, C[]>()
  for (const coupon of [...facts.coupons].sort((a, b) => a.code.localeCompare(b.code))) {
    const group = byCampaign.get(coupon.campaign_id)
    if (group) group.push(coupon)
    else byCampaign.set(coupon.campaign_id, [coupon])
  }
  for (const [campaign_id, coupons] of byCampaign) {
    const usable: C[] = []
    for (const c of coupons) {
      const reason = couponSkip(c)
      if (reason) credits.push({ record: false, campaign_id, reason, code: c.code })
      else usable.push(c)
    }
    const [chosen, ...others] = usable
    if (!chosen) continue
    for (const c of others) credits.push({ record: false, campaign_id, reason: "another_coupon_credited", code: c.code })
    if (campaign_id === clickCampaign && click.record) {
      credits.push(
        chosen.campaign.attribution_precedence === "click"
          ? { record: true, via: "click", campaign_id, reason: "click_over_coupon" }
          : { record: true, via: "coupon", campaign_id, reason: "coupon_over_click", coupon: chosen }
      )
    } else {
      credits.push({ record: true, via: "coupon", campaign_id, reason: "coupon", coupon: chosen })
    }
  }
  const clickCampaignCredited = credits.some((c) => c.record && c.campaign_id === clickCampaign)
  if (clickCampaignCredited) return credits
  if (click.record) {
    credits.push({ record: true, via: "click", campaign_id: clickCampaign!, reason: "recorded" })
  } else if (clickCampaign || !credits.some((c) => c.record)) {
    credits.push({ record: false, campaign_id: clickCampaign, reason: click.reason })
  }
  return credits
}
