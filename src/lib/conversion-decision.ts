/**
 * Whether a sale earns a conversion: one decision for the S2S endpoint and the store path, with
 * one precedence list and one set of reasons. Pure, so every reason is unit-tested; the S2S route
 * maps a reason to its HTTP answer (`s2sAnswerFor` in the route), the store path logs it.
 *
 * Precedence, first failing check wins:
 *   no_attribution → consent_not_granted → no_click_token → unknown_click →
 *   occurred_in_future → occurred_before_click → click_expired →
 *   campaign_paused | campaign_archived → affiliate_paused
 */
export type ConversionFacts = {
  /** What the shop or storefront said: the token and the shopper's consent. Null: nothing at all. */
  attribution: { consent: "granted" | "denied" | null; click_token: string | null } | null
  /** The click the token names, if it exists. */
  click: { campaign_id: string; affiliate_id: string; expires_at: Date | string; created_at: Date | string } | null
  /** The campaign the sale is reported to (an S2S key's campaign); absent: the click's own. */
  campaign_id?: string
  campaign: { status: "active" | "paused" | "archived" } | null
  affiliate: { status: "active" | "paused" } | null
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
  if (occurredAt > new Date(facts.click.expires_at).getTime()) return skip("click_expired")
  if (facts.campaign.status !== "active") return skip(`campaign_${facts.campaign.status}`)
  if (facts.affiliate.status !== "active") return skip("affiliate_paused")
  return { record: true }
}
