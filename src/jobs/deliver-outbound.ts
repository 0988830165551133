import type { MedusaContainer } from "@medusajs/framework/types"
import { deliverOutboundWorkflow } from "../workflows/outbound/workflows/deliver-outbound"

/** Sends due outbound S2S deliveries; the outbox makes this survive restarts. */
export default async function deliverAffiliateOutbound(container: MedusaContainer) {
  await deliverOutboundWorkflow(container).run({ input: {} })
}

export const config = { name: "deliver-affiliate-outbound", schedule: "* * * * *" }
