import type { MedusaContainer } from "@medusajs/framework/types"
import { approveHeldConversionsWorkflow } from "../workflows/payouts/workflows/approve-held-conversions"

/** Every 10 minutes, so each run is short; two runs at once take distinct rows (SKIP LOCKED). */
export default async function approveHeldAffiliateConversions(container: MedusaContainer) {
  await approveHeldConversionsWorkflow(container).run({ input: {} })
}

export const config = { name: "approve-held-affiliate-conversions", schedule: "*/10 * * * *" }
