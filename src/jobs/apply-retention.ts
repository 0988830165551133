import type { MedusaContainer } from "@medusajs/framework/types"
import { applyRetentionWorkflow } from "../workflows/retention/workflows/apply-retention"

/** Hourly, so each pass is short; two passes at once are harmless (each batch takes distinct rows). */
export default async function applyAffiliateRetention(container: MedusaContainer) {
  await applyRetentionWorkflow(container).run({ input: {} })
}

export const config = { name: "apply-affiliate-retention", schedule: "17 * * * *" }
