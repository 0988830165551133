import type { MedusaResponse } from "@medusajs/framework/http"
import { renderPortalConversions } from "../../../../lib/portal-pages"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { PortalConversion, PortalConversionsResponse } from "../../../../types/http"
import { PortalRequest, wantsHtml } from "../partner"

/**
 * GET /affiliate/portal/conversions?limit=&after=: the partner's live conversions, newest first,
 * a page at a time (`next_cursor` → `after`). No shopper data; order ids only for campaigns that
 * show them.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { limit, after } = req.validatedQuery as { limit: number; after?: string }
  const page = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).listPartnerConversions(req.partner.id, { limit, after })
  const conversions = page.conversions.map((c) => ({ ...c, created_at: new Date(c.created_at).toISOString() })) as PortalConversion[]
  if (wantsHtml(req)) return void res.type("html").send(renderPortalConversions(conversions, page.next_cursor))
  res.json({ conversions, next_cursor: page.next_cursor } satisfies PortalConversionsResponse)
}
