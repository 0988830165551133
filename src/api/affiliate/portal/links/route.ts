import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { renderPortalLinks } from "../../../../lib/portal-pages"
import type { PortalBuildLinkResponse, PortalLinksResponse } from "../../../../types/http"
import { formProblem } from "../../apply/validators"
import { buildDeepLink, partnerCampaigns, partnerLinks } from "../data"
import { isForm, PortalRequest, wantsHtml } from "../partner"
import type { PortalBuildLinkType } from "../validators"

const qrSrc = (url: string) => `/affiliate/portal/links/qr?url=${encodeURIComponent(url)}`

/** GET /affiliate/portal/links: one tracking link per campaign the partner promotes. */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const links = partnerLinks(req, req.partner, await partnerCampaigns(req, req.partner))
  if (wantsHtml(req)) return void res.type("html").send(renderPortalLinks(links, null, { values: {}, errors: [] }))
  res.json({ links } satisfies PortalLinksResponse)
}

/**
 * POST /affiliate/portal/links `{ campaign_id, url?, sub1..sub5? }` → `{ url }`: a deep link. `url`
 * must be on the campaign target's origin (or a host the campaign allows): else 400.
 */
export const POST = async (req: PortalRequest<PortalBuildLinkType>, res: MedusaResponse) => {
  const form = isForm(req)
  const problem = formProblem(req)
  const values = (problem?.values ?? req.body ?? {}) as Record<string, string>
  const campaigns = await partnerCampaigns(req, req.partner)
  const showForm = (status: number, errors: string[], built: Parameters<typeof renderPortalLinks>[1] = null) =>
    res.status(status).type("html").send(renderPortalLinks(partnerLinks(req, req.partner, campaigns), built, { values, errors }))
  if (problem) return void showForm(400, problem.errors)
  try {
    const { campaign, url } = buildDeepLink(req, req.partner, campaigns, req.validatedBody)
    if (!form) return void res.json({ url } satisfies PortalBuildLinkResponse)
    showForm(200, [], { url, campaign_name: campaign.name, qr_src: qrSrc(url) })
  } catch (e) {
    if (!form || !(e instanceof MedusaError)) throw e
    showForm(e.type === MedusaError.Types.NOT_FOUND ? 404 : 400, [e.message])
  }
}
