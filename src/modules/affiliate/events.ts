import { Modules } from "@medusajs/framework/utils"

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

type EventBus = { emit(message: { name: string; data: { id: string } }[]): Promise<unknown> }

/**
 * Emits `name` with `{ id }` once per id on Medusa's event bus, for the paths that record outside
 * a workflow (the S2S endpoint's hot path); workflows use `emitEventStep`. One call to the bus,
 * and none when there is nothing to tell.
 */
export async function emitAffiliateEvent(scope: { resolve: (key: string) => unknown }, name: AffiliateEventName, ids: string[]): Promise<void> {
  if (!ids.length) return
  await (scope.resolve(Modules.EVENT_BUS) as EventBus).emit(ids.map((id) => ({ name, data: { id } })))
}
