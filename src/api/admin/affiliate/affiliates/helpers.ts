import type { MedusaRequest } from "@medusajs/framework/http"
import type { AdminTrackingLink } from "../../../../types/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { trackingLinkUrl } from "../../../../lib/partner-links"
import { publicBase } from "../public-url"

type LinkCampaign = { id: string; name: string; handle: string }

/** One link per campaign: `${publicUrl}/affiliate/click/<handle>?aff=<code>`. */
export function buildTrackingLinks(publicUrl: string, code: string, campaigns: LinkCampaign[]): AdminTrackingLink[] {
  return campaigns.map((c) => ({
    campaign_id: c.id,
    campaign_name: c.name,
    url: trackingLinkUrl(publicUrl, c.handle, code),
  }))
}

/** Adds `tracking_links` (every campaign not archived) to each affiliate that has a code. */
export async function withTrackingLinks<T extends { code?: string }>(req: MedusaRequest, affiliates: T[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const publicUrl = publicBase(req).url
  const { data: campaigns } = await query.graph({
    entity: "affiliate_campaign",
    fields: ["id", "name", "handle"],
    filters: { status: ["active", "paused"] },
    pagination: { order: { created_at: "ASC" } },
  })
  return affiliates.map((a) => ({
    ...a,
    tracking_links: a.code === undefined ? [] : buildTrackingLinks(publicUrl, a.code, campaigns as LinkCampaign[]),
  }))
}
