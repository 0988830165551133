import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { maskEmail, maskIban } from "../../../lib/iban"
import { formatAmount } from "../../../modules/affiliate/utils/money"
import { chooseDestination } from "../../../modules/affiliate/utils/redirect"
import { trackingLinkUrl } from "../../../lib/partner-links"
import { periodTotals } from "../../../lib/statement-page"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { PayoutDetails, PortalLink, PortalPayout } from "../../../types/http"
import { publicBase } from "../../admin/affiliate/public-url"
import type { Partner } from "./partner"

/*
 * What the portal shows, always for `req.partner` alone, from the same service calls as the admin
 * and the statement.
 */

const service = (req: MedusaRequest) => req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)

type Campaign = { id: string; name: string; handle: string; target_url: string; allowed_redirect_hosts: string[]; show_order_ids_on_statement: boolean }
const CAMPAIGN_FIELDS = ["id", "name", "handle", "target_url", "allowed_redirect_hosts", "show_order_ids_on_statement"]

/** The campaigns the partner promotes: those it joined by its application, or (none joined: made in the admin) every live one, as the statement lists them. */
export async function partnerCampaigns(req: MedusaRequest, partner: Partner): Promise<Campaign[]> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const enrolled = await service(req).listAffiliateEnrollments({ affiliate_id: partner.id }, { select: ["campaign_id"] })
  const { data } = await query.graph({
    entity: "affiliate_campaign",
    fields: CAMPAIGN_FIELDS,
    filters: { status: ["active", "paused"], ...(enrolled.length ? { id: enrolled.map((e) => e.campaign_id) } : {}) },
    pagination: { order: { created_at: "ASC" } },
  })
  return data as unknown as Campaign[]
}

/** The partner's link for each of its campaigns (`campaigns`: already read by the caller). */
export function partnerLinks(req: MedusaRequest, partner: Partner, campaigns: Campaign[]): PortalLink[] {
  return campaigns.map((c) => ({
    campaign_id: c.id,
    campaign_name: c.name,
    target_url: c.target_url,
    url: trackingLinkUrl(publicBase(req).url, c.handle, partner.code),
  }))
}

/**
 * A deep link: the campaign's link with `url` and `sub1`–`sub5`. `url` must be on the target's
 * origin or a host the campaign allows, by the same rule the link follows when clicked (anything
 * else would land on the target anyway): refused with 400, not silently dropped.
 */
export function buildDeepLink(
  req: MedusaRequest,
  partner: Partner,
  campaigns: Campaign[],
  input: { campaign_id: string; url?: string } & Record<string, string | undefined>
) {
  const campaign = campaigns.find((c) => c.id === input.campaign_id)
  if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, "campaign_id: no campaign of yours has this id")
  if (input.url) {
    const destination = chooseDestination(campaign.target_url, input.url, campaign.allowed_redirect_hosts ?? [])
    let asked: URL | null = null
    try {
      asked = new URL(input.url, campaign.target_url)
    } catch {}
    if (!asked || destination.href !== asked.href || !/^https?:\/\//i.test(input.url)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `url must be an address on ${new URL(campaign.target_url).origin}${campaign.allowed_redirect_hosts?.length ? ` or ${campaign.allowed_redirect_hosts.join(", ")}` : ""}`
      )
    }
  }
  const { campaign_id: _, ...extra } = input
  return { campaign, url: trackingLinkUrl(publicBase(req).url, campaign.handle, partner.code, extra) }
}

/** Whether `url` is one of this partner's own tracking links (the QR code is made for nothing else). */
export function isOwnLink(req: MedusaRequest, partner: Partner, url: string): boolean {
  try {
    const u = new URL(url)
    const base = new URL(publicBase(req).url)
    return u.origin === base.origin && u.pathname.startsWith("/affiliate/click/") && u.searchParams.get("aff") === partner.code
  } catch {
    return false
  }
}

/** The admin's affiliate figures (the same service call), plus this calendar month's (UTC) totals. */
export async function partnerStats(req: MedusaRequest, partner: Partner, days: 7 | 30 | 90) {
  const dayOfMonth = new Date().getUTCDate()
  const figures = await service(req).affiliateFigures(partner.id, Math.max(days, dayOfMonth))
  return {
    days,
    totals: figures.totals,
    series: figures.series.slice(-days),
    balance: figures.balance,
    month: formatted(periodTotals(figures.series.slice(-dayOfMonth))),
  }
}

const formatted = <T extends { commission: { currency_code: string; amount: string }[] }>(t: T): T => ({
  ...t,
  commission: t.commission.map((c) => ({ ...c, amount: formatAmount(c.amount, c.currency_code) })),
})

/** The partner's payouts with their lines; order ids only where the campaign shows them. */
export async function partnerPayouts(req: MedusaRequest, partner: Partner): Promise<PortalPayout[]> {
  const svc = service(req)
  const rows = await svc.listAffiliatePayouts({ affiliate_id: partner.id }, { select: ["id"], order: { created_at: "DESC" }, take: 50 })
  if (!rows.length) return []
  const payouts = await svc.retrievePayoutsWithLines(rows.map((r) => r.id))
  const campaignIds = [...new Set(payouts.flatMap((p) => p.lines.map((l) => l.campaign_id).filter(Boolean)))] as string[]
  const shown = new Set(
    campaignIds.length
      ? (await svc.listAffiliateCampaigns({ id: campaignIds, show_order_ids_on_statement: true }, { select: ["id"], withDeleted: true })).map((c) => c.id)
      : []
  )
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)
  return payouts
    .sort((a, b) => +new Date(b.created_at) - +new Date(a.created_at))
    .map((p) => ({
      id: p.id,
      amount: p.amount,
      currency_code: p.currency_code,
      status: p.status,
      reference: p.reference,
      paid_at: iso(p.paid_at),
      created_at: iso(p.created_at)!,
      lines: p.lines.map((l) => ({
        type: l.type,
        amount: l.amount,
        campaign_id: l.campaign_id,
        order_id: l.campaign_id && shown.has(l.campaign_id) ? l.order_id : null,
        occurred_at: iso(l.occurred_at),
        reason: l.reason,
      })),
    }))
}

/** The partner's payout details with the account masked: the portal never shows the whole account again. */
export async function maskedPayoutDetails(req: MedusaRequest, partner: Partner): Promise<PayoutDetails | null> {
  const details = await service(req).retrievePayoutDetails(partner.id)
  if (!details) return null
  return {
    method: details.method,
    ...(details.paypal_email ? { paypal_email: maskEmail(details.paypal_email) } : {}),
    ...(details.iban ? { iban: maskIban(details.iban) } : {}),
    ...(details.account_name ? { account_name: details.account_name } : {}),
    updated_at: new Date(details.updated_at).toISOString(),
  }
}
