import type { Context } from "@medusajs/framework/types"
import type { ReportingRepository } from "../repositories/reporting"
import { type CampaignCommission, type ConversionCommission, type CustomerType, needsMonthlySales, priceConversion, type SoldItem } from "../utils/commission"

export type Sale = { order_total: string; order_currency: string; items: SoldItem[]; occurred_at: Date }

/** The first day of this calendar month, UTC, as the rollups key their days (by when a conversion was recorded). */
const thisMonth = () => `${new Date().toISOString().slice(0, 7)}-01`

/**
 * What a sale earns for an affiliate in a campaign: the campaign's rules priced on the sale
 * (utils/commission.ts). The affiliate's live sales this month in the sale's currency are read
 * from the rollups, only when a rule has a `min_monthly_sales` tier; they hold every conversion
 * recorded before this one, and not this one.
 */
export async function priceSale(
  reporting: ReportingRepository,
  campaign: CampaignCommission & { campaign_id: string },
  affiliateId: string,
  sale: Sale,
  customerType: CustomerType | null,
  sharedContext: Context
): Promise<ConversionCommission> {
  const monthlySales = needsMonthlySales(campaign.commission_rules)
    ? await reporting.salesSince(campaign.campaign_id, affiliateId, sale.order_currency, thisMonth(), sharedContext)
    : null
  return priceConversion(campaign, sale, { customer_type: customerType, monthly_sales: monthlySales })
}
