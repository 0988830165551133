import { z } from "@medusajs/framework/zod"
import { idFilter } from "../validators"

export const STATS_PERIODS = [7, 30, 90] as const

export const AdminTestClick = z.object({ affiliate_id: z.string().min(1).max(100).optional() })
export type AdminTestClickType = z.infer<typeof AdminTestClick>

export const AdminGetCampaignTotalsParams = z.object({ campaign_id: idFilter("campaign_id").optional() })
export type AdminGetCampaignTotalsParamsType = z.infer<typeof AdminGetCampaignTotalsParams>

export const AdminGetCampaignSeriesParams = z.object({
  days: z
    .preprocess((v) => (typeof v === "string" ? Number(v) : v), z.number())
    .refine((v) => (STATS_PERIODS as readonly number[]).includes(v), { message: "days must be 7, 30 or 90" })
    .default(30),
})
export type AdminGetCampaignSeriesParamsType = z.infer<typeof AdminGetCampaignSeriesParams>

/** `…/campaigns/:id/breakdown` and `…/affiliates/:id/breakdown`: by which dimension, over how many UTC days (1-365, default 30). */
export const AdminGetBreakdownParams = z.object({
  by: z.enum(["country", "device", "referrer"], { error: "by must be country, device or referrer" }),
  days: z
    .preprocess((v) => (typeof v === "string" && v !== "" ? Number(v) : v), z.number({ error: "days must be a whole number from 1 to 365" }))
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 365, { message: "days must be a whole number from 1 to 365" })
    .default(30),
})
export type AdminGetBreakdownParamsType = z.infer<typeof AdminGetBreakdownParams>
