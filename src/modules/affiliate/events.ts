/**
 * The events the plugin emits on Medusa's event bus, each with `{ id }` (README, "Events"). Hosts
 * subscribe to them like to Medusa's own; the plugin's webhooks forward them.
 */
export const AffiliateEvents = {
  /** An application confirmed its email and entered the admins' queue. */
  APPLICATION_CREATED: "affiliate.application.created",
  /** An application was approved: `id` is the new affiliate's. */
  AFFILIATE_APPROVED: "affiliate.affiliate.approved",
  CONVERSION_CREATED: "affiliate.conversion.created",
  /** A conversion's status or amounts changed. */
  CONVERSION_UPDATED: "affiliate.conversion.updated",
  PAYOUT_PAID: "affiliate.payout.paid",
} as const

export type AffiliateEventName = (typeof AffiliateEvents)[keyof typeof AffiliateEvents]
export const AFFILIATE_EVENT_NAMES = Object.values(AffiliateEvents) as AffiliateEventName[]
