import type { CampaignTotals, SeriesPoint } from "../../modules/affiliate/types"

/** A campaign's all-time figures; test conversions never count, commission only pending, approved and paid. */
export type AdminCampaignTotals = CampaignTotals

/** One UTC day of a campaign's series. */
export type AdminCampaignSeriesPoint = SeriesPoint

/** `GET /admin/affiliate/stats/campaigns` */
export type AdminCampaignTotalsParams = { campaign_id?: string | string[] }
/** Only campaigns with any click or conversion have an entry. */
export type AdminCampaignTotalsResponse = { stats: AdminCampaignTotals[] }

export type StatsPeriod = 7 | 30 | 90

/** `GET /admin/affiliate/campaigns/:id/stats` */
export type AdminCampaignSeriesParams = { days?: StatsPeriod }
/** A point per day, the oldest first, and the campaign's all-time totals. */
export type AdminCampaignSeriesResponse = {
  days: StatsPeriod
  series: AdminCampaignSeriesPoint[]
  totals: AdminCampaignTotals
}
