import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatAmount } from "../../../modules/affiliate/utils/money"
import { partnerMail, PartnerMail } from "../../../lib/notification-templates"
import { partnerUrls } from "../../../lib/partner-links"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { AffiliateEvents } from "../../../modules/affiliate/events"
import type AffiliateModuleService from "../../../modules/affiliate/service"

const DAY_MS = 86_400_000

/**
 * The mail about a new conversion, for a partner who asked for one per conversion (live
 * conversions only: a test proves an integration, it earns nothing). Reads only.
 */
export const prepareConversionMailStep = createStep(
  "prepare-affiliate-conversion-mail",
  async ({ id, public_url }: { id: string; public_url: string | null }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [conversion] = await service.listAffiliateConversions({ id }, { select: ["id", "is_test", "affiliate_id", "campaign_id", "commission_currency", "commission_amount"] })
    if (!conversion || conversion.is_test) return new StepResponse([] as PartnerMail[])
    const [affiliate] = await service.listAffiliates({ id: conversion.affiliate_id }, { select: ["id", "name", "email", "email_notifications"] })
    if (!affiliate || affiliate.email_notifications !== "each") return new StepResponse([] as PartnerMail[])
    const [campaign] = await service.listAffiliateCampaigns({ id: conversion.campaign_id }, { select: ["name"], withDeleted: true })
    const amount = formatAmount(String(conversion.commission_amount), conversion.commission_currency)
    return new StepResponse([
      partnerMail(
        affiliate.email,
        "affiliate-conversion",
        { name: affiliate.name, campaign_name: campaign?.name ?? "a campaign", commission: { currency_code: conversion.commission_currency, amount }, portal_url: partnerUrls(public_url).portal("/conversions") },
        { trigger: AffiliateEvents.CONVERSION_CREATED, id, type: "affiliate_conversion", idempotency_key: `affiliate-conversion:${id}` }
      ),
    ])
  }
)

/** The mail about a paid payout, unless the partner turned mails off. Reads only. */
export const preparePayoutMailStep = createStep(
  "prepare-affiliate-payout-mail",
  async ({ id, public_url }: { id: string; public_url: string | null }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [payout] = await service.retrievePayoutsWithLines([id])
    if (!payout || payout.status !== "paid") return new StepResponse([] as PartnerMail[])
    const [affiliate] = await service.listAffiliates({ id: payout.affiliate_id }, { select: ["id", "name", "email", "email_notifications"] })
    if (!affiliate || affiliate.email_notifications === "off") return new StepResponse([] as PartnerMail[])
    return new StepResponse([
      partnerMail(
        affiliate.email,
        "affiliate-payout-paid",
        { name: affiliate.name, amount: { currency_code: payout.currency_code, amount: payout.amount }, reference: payout.reference ?? "", portal_url: partnerUrls(public_url).portal("/payouts") },
        { trigger: AffiliateEvents.PAYOUT_PAID, id, type: "affiliate_payout", idempotency_key: `affiliate-payout-paid:${id}` }
      ),
    ])
  }
)

/**
 * One digest per partner who chose a daily one and had live conversions on `day` (a UTC date):
 * their number and commission per currency. Each mail's idempotency key is the partner and the
 * day, so a second run of the job sends nothing twice. Reads only.
 */
export const prepareDigestMailsStep = createStep(
  "prepare-affiliate-digest-mails",
  async ({ day, public_url }: { day: string; public_url: string | null }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const partners = await service.listAffiliates({ email_notifications: "daily" }, { select: ["id", "name", "email"] })
    const from = new Date(`${day}T00:00:00.000Z`)
    const rows = await service.listDigestFigures(partners.map((p) => p.id), from, new Date(from.getTime() + DAY_MS))
    const mails = partners.flatMap((p) => {
      const mine = rows.filter((r) => r.affiliate_id === p.id)
      if (!mine.length) return []
      return [
        partnerMail(
          p.email,
          "affiliate-digest",
          {
            name: p.name,
            day,
            conversions: mine.reduce((n, r) => n + r.conversions, 0),
            commission: mine.map((r) => ({ currency_code: r.commission_currency, amount: r.commission })),
            portal_url: partnerUrls(public_url).portal("/conversions"),
          },
          { trigger: "affiliate.digest", id: p.id, type: "affiliate", idempotency_key: `affiliate-digest:${p.id}:${day}` }
        ),
      ]
    })
    return new StepResponse(mails)
  }
)
