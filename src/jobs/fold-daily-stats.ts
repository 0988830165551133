import type { MedusaContainer } from "@medusajs/framework/types"
import { foldDailyStatsWorkflow } from "../workflows/reporting/workflows/fold-daily-stats"

/** Every minute: reports are exact without it (they read the pending deltas too), only slower. */
export default async function foldAffiliateDailyStats(container: MedusaContainer) {
  await foldDailyStatsWorkflow(container).run()
}

export const config = { name: "fold-affiliate-daily-stats", schedule: "* * * * *" }
