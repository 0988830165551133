/**
 * Whether a placed order earns a conversion. Pure, so every reason can be unit-tested; the
 * workflow that records store conversions feeds it what it read and logs the reason it returns.
 */
export type StoreConversionFacts = {
  attribution: { consent: "granted" | "denied" | null; click_token: string | null } | null
  click: { campaign_id: string; affiliate_id: string; expires_at: Date | string; created_at: Date | string } | null
  campaign: { status: "active" | "paused" | "archived" } | null
  affiliate: { status: "active" | "paused" } | null
  placed_at: Date | string
}

export type SkipReason =
  | "no_attribution"
  | "consent_not_granted"
  | "no_click_token"
  | "unknown_click"
  | "click_expired"
  | "campaign_paused"
  | "campaign_archived"
  | "affiliate_paused"

export type StoreDecision = { record: true } | { record: false; reason: SkipReason }

export function decideStoreConversion(facts: StoreConversionFacts): StoreDecision {
  const skip = (reason: SkipReason): StoreDecision => ({ record: false, reason })
  if (!facts.attribution) return skip("no_attribution")
  // Consent must have been given explicitly: absent counts as not granted (seed 004, Q7).
  if (facts.attribution.consent !== "granted") return skip("consent_not_granted")
  if (!facts.attribution.click_token) return skip("no_click_token")
  if (!facts.click || !facts.campaign || !facts.affiliate) return skip("unknown_click")
  if (new Date(facts.placed_at) > new Date(facts.click.expires_at)) return skip("click_expired")
  if (facts.campaign.status !== "active") return skip(`campaign_${facts.campaign.status}`)
  if (facts.affiliate.status !== "active") return skip("affiliate_paused")
  return { record: true }
}
