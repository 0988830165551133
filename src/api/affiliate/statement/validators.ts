import { z } from "@medusajs/framework/zod"
import { CONVERSION_SOURCES, CONVERSION_STATUSES } from "../../admin/affiliate/conversions/validators"
import type { AffiliateStatement } from "../../../types/http"

/** The statement's period: 7, 30 or 90 days; anything else shows the default 30 (a link is never an error). */
export const StatementQuery = z.object({
  days: z
    .enum(["7", "30", "90"])
    .optional()
    .catch(undefined)
    .transform((d) => (d ? (Number(d) as 7 | 30 | 90) : 30))
    .describe("The period of the daily figures: 7, 30 (default) or 90 days."),
})

/** The token's shape: a link that does not have it is unknown without asking the database. */
export const STATEMENT_TOKEN_PATTERN = /^stm_[0-9A-Za-z]{43}$/

/** The JSON body of the 404 answer. */
export const StatementNotFound = z.object({ message: z.string() })

const money = z.object({ currency_code: z.string(), amount: z.string() })

/** A payout as the affiliate sees it, on the statement and (with its lines) in the partner portal. */
export const StatementPayout = z.object({
  id: z.string(),
  amount: z.string(),
  currency_code: z.string(),
  status: z.enum(["open", "paid"]),
  reference: z.string().nullable(),
  paid_at: z.string().nullable(),
  created_at: z.string(),
})

/** The statement's JSON (`Accept: application/json`): the affiliate's own figures, no shopper data. */
export const StatementAnswer = z.object({
  affiliate: z.object({ name: z.string(), code: z.string() }),
  days: z.union([z.literal(7), z.literal(30), z.literal(90)]),
  links: z.array(z.object({ campaign_id: z.string(), campaign_name: z.string(), url: z.string() })).describe("A tracking link per campaign that is not archived."),
  totals: z
    .object({
      clicks: z.number().int().describe("Every visit through the affiliate's links, repeat visits included."),
      unique_clicks: z.number().int().describe("One per visitor and link within the campaign's unique-click window."),
      filtered_clicks: z.number().int(),
      conversions: z.number().int(),
      commission: z.array(money),
    })
    .describe("All time; commission pending, approved and paid."),
  series: z
    .array(
      z.object({
        date: z.string(),
        clicks: z.number().int(),
        unique_clicks: z.number().int(),
        filtered_clicks: z.number().int().describe("Crawlers' visits through the affiliate's links, which earn no click."),
        conversions: z.number().int(),
        conversion_rate: z.number(),
        commission: z.record(z.string(), z.string()),
      })
    )
    .describe("A point per UTC day of the period, the oldest first."),
  balance: z.array(money).describe("Approved and not yet in a payout, per currency (negative when owed back)."),
  payouts: z.array(StatementPayout),
  conversions: z
    .array(
      z.object({
        created_at: z.string(),
        campaign_id: z.string(),
        campaign_name: z.string(),
        source: z.enum(CONVERSION_SOURCES),
        status: z.enum(CONVERSION_STATUSES),
        commission_amount: z.string(),
        commission_currency: z.string(),
        order_id: z.string().nullable().describe("Only where the campaign shows order ids to affiliates."),
      })
    )
    .describe("The period's latest conversions (at most 50)."),
}) satisfies z.ZodType<AffiliateStatement>
