import type { MedusaRequest } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { StatementAffiliate } from "../../../modules/affiliate/types"
import type { AffiliateStatement } from "../../../types/http"
import { withTrackingLinks } from "../../admin/affiliate/affiliates/helpers"

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/**
 * What the affiliate's statement shows: their links (every campaign not archived, as the admin
 * lists them), the figures from the same service call as the admin's affiliate stats, and their
 * latest conversions and payouts, without shopper data.
 */
export async function loadStatement(req: MedusaRequest, affiliate: StatementAffiliate, days: 7 | 30 | 90): Promise<AffiliateStatement> {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [figures, [links]] = await Promise.all([
    service.affiliateFigures(affiliate.id, days),
    withTrackingLinks(req, [{ code: affiliate.code }]),
  ])
  // The series has a point per day of the period, the oldest first.
  const activity = await service.statementActivity(affiliate.id, new Date(`${figures.series[0].date}T00:00:00.000Z`))
  return {
    affiliate: { name: affiliate.name, code: affiliate.code },
    days,
    links: links.tracking_links,
    totals: {
      clicks: figures.totals.clicks,
      unique_clicks: figures.totals.unique_clicks,
      filtered_clicks: figures.totals.filtered_clicks,
      conversions: figures.totals.conversions,
      commission: figures.totals.commission,
    },
    series: figures.series,
    balance: figures.balance,
    payouts: activity.payouts.map((p) => ({ ...p, paid_at: iso(p.paid_at), created_at: iso(p.created_at)! })),
    conversions: activity.conversions.map((c) => ({ ...c, created_at: iso(c.created_at)! })),
  }
}
