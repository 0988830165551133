import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createCampaignWorkflow } from "../../src/workflows/campaigns/workflows/create-campaign"

let seq = 0

export const affiliateService = (container: MedusaContainer) => container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)

/** The campaign's current key, in clear, as the admin's S2S tab shows it. */
export async function currentApiKey(container: MedusaContainer, campaignId: string): Promise<string> {
  const key = await affiliateService(container).revealApiKey(campaignId)
  if (!key?.api_key) throw new Error(`campaign ${campaignId} has no readable live key`)
  return key.api_key
}

export async function createCampaign(container: MedusaContainer, overrides: Record<string, unknown> = {}) {
  seq += 1
  const { result } = await createCampaignWorkflow(container).run({
    input: {
      name: `Campaign ${seq}`,
      handle: `campaign-${seq}-${Date.now()}`,
      target_url: "https://shop.example.com/landing?utm_source=aff#top",
      commission_type: "percentage",
      commission_value: 10,
      ...overrides,
    } as any,
  })
  return { campaign: result, apiKey: await currentApiKey(container, result.id) }
}

export async function createAffiliate(container: MedusaContainer, overrides: Record<string, unknown> = {}) {
  seq += 1
  return affiliateService(container).createAffiliates({
    code: `partner${seq}`,
    name: `Partner ${seq}`,
    email: `partner${seq}@example.com`,
    ...overrides,
  } as any)
}

let visitor = 0

/**
 * Follows an affiliate link without following its redirect; returns the response. Each call is
 * another visitor (its own browser build in the user agent): the same visitor through the same
 * link within the campaign's window would reuse the click (README, "Trust"). Pass a `User-Agent`
 * to be one visitor across calls.
 */
export async function clickLink(api: AxiosInstance, campaign: string, query: Record<string, string>, headers: Record<string, string> = {}) {
  visitor += 1
  return api.get(`/affiliate/click/${encodeURIComponent(campaign)}`, {
    params: query,
    headers: { "User-Agent": `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0.${visitor} Safari/537.36`, ...headers },
    maxRedirects: 0,
    validateStatus: () => true,
  })
}

/** A real click through the link, as a shopper makes it; returns its token. */
export async function clickToken(api: AxiosInstance, campaign: string, affiliateCode: string): Promise<string> {
  const res = await clickLink(api, campaign, { aff: affiliateCode })
  if (res.status !== 302) throw new Error(`affiliate link answered ${res.status}: ${JSON.stringify(res.data)}`)
  const token = new URL(res.headers.location).searchParams.get("click_token")
  if (!token) throw new Error("affiliate link gave no click_token")
  return token
}
