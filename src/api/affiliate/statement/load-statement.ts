import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DAY_MS } from "../../../lib/time"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { StatementAffiliate } from "../../../modules/affiliate/types"
import type { AffiliateStatement } from "../../../types/http"
import { buildTrackingLinks } from "../../admin/affiliate/affiliates/helpers"
import { publicBase } from "../../admin/affiliate/public-url"

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

/**
 * What the affiliate's statement shows: their links (every campaign not archived, as the admin
 * lists them), the figures from the same service call as the admin's affiliate stats, and their
 * latest conversions and payouts, without shopper data.
 */
export async function loadStatement(req: MedusaRequest, affiliate: StatementAffiliate, days: 7 | 30 | 90): Promise<AffiliateStatement> {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const figures = await service.affiliateFigures(affiliate.id, days)
  const since = new Date(`${figures.series[0]?.date ?? new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10)}T00:00:00.000Z`)
  const [{ data: campaigns }, activity] = await Promise.all([
    query.graph({
      entity: "affiliate_campaign",
      fields: ["id", "name", "handle"],
      filters: { status: ["active", "paused"] },
      pagination: { order: { created_at: "ASC" } },
    }),
    service.statementActivity(affiliate.id, since),
  ])
  return {
    affiliate: { name: affiliate.name, code: affiliate.code },
    days,
    links: buildTrackingLinks(publicBase(req).url, affiliate.code, campaigns),
    totals: {
      clicks: figures.totals.clicks,
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
