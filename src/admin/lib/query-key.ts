/**
 * The react-query keys of every admin resource, from one factory so that a hook's key and the
 * invalidations after a mutation can never drift apart:
 * `[resource]` ⊃ `[resource, "list"]` ⊃ `[resource, "list", { query }]`, and the same for "detail".
 */
export type QueryKeys<TResource extends string> = {
  all: readonly [TResource]
  lists: () => readonly [TResource, "list"]
  list: (query?: object) => readonly [TResource, "list", { query: object }] | readonly [TResource, "list"]
  details: () => readonly [TResource, "detail"]
  detail: (id: string, query?: object) => readonly [TResource, "detail", string, { query: object }] | readonly [TResource, "detail", string]
}

export function queryKeysFactory<TResource extends string>(resource: TResource): QueryKeys<TResource> {
  return {
    all: [resource],
    lists: () => [resource, "list"],
    list: (query) => (query === undefined ? [resource, "list"] : [resource, "list", { query }]),
    details: () => [resource, "detail"],
    detail: (id, query) => (query === undefined ? [resource, "detail", id] : [resource, "detail", id, { query }]),
  }
}

export const campaignQueryKeys = queryKeysFactory("affiliate_campaign")
/** A campaign's S2S setup (its live API key): `detail(campaignId)`. */
export const s2sSetupQueryKeys = queryKeysFactory("affiliate_s2s_setup")
/** Campaign figures: `list()` for every campaign's totals, `detail(campaignId, { days })` for a series. */
export const campaignStatsQueryKeys = queryKeysFactory("affiliate_campaign_stats")
export const affiliateQueryKeys = queryKeysFactory("affiliate")
export const conversionQueryKeys = queryKeysFactory("affiliate_conversion")
/** A conversion's changes, oldest first: `detail(conversionId)`. */
export const conversionHistoryQueryKeys = queryKeysFactory("affiliate_conversion_history")
export const requestLogQueryKeys = queryKeysFactory("affiliate_request_log")
/** The order page widget's data: `detail(orderId)`. */
export const orderAttributionQueryKeys = queryKeysFactory("affiliate_order_attribution")
/** Retention settings and runs: `detail("settings")`. */
export const retentionQueryKeys = queryKeysFactory("affiliate_retention")
export const erasureQueryKeys = queryKeysFactory("affiliate_erasure")
/** Balances per affiliate and currency: `list(query)`. */
export const balanceQueryKeys = queryKeysFactory("affiliate_balance")
export const payoutQueryKeys = queryKeysFactory("affiliate_payout")
/** An affiliate's promotion codes: `detail(affiliateId)`. */
export const affiliatePromotionQueryKeys = queryKeysFactory("affiliate_promotion")
/** Whether an affiliate has a statement link: `detail(affiliateId)`. */
export const statementLinkQueryKeys = queryKeysFactory("affiliate_statement_link")
/** An affiliate's figures: `detail(affiliateId, { days })`. */
export const affiliateStatsQueryKeys = queryKeysFactory("affiliate_stats")
/** Where traffic came from: `detail("campaigns/<id>" | "affiliates/<id>", { by, days })`. */
export const breakdownQueryKeys = queryKeysFactory("affiliate_breakdown")
/** An affiliate's trust decisions: `detail(affiliateId)`. */
export const trustQueryKeys = queryKeysFactory("affiliate_trust")
/** Partner applications: `list(query)`. */
export const applicationQueryKeys = queryKeysFactory("affiliate_application")
/** The partner program's settings: `detail("settings")`. */
export const programSettingsQueryKeys = queryKeysFactory("affiliate_program_settings")
/** Webhooks: `list()`, and a webhook's deliveries: `detail(id, { deliveries: true })`. */
export const webhookQueryKeys = queryKeysFactory("affiliate_webhook")
