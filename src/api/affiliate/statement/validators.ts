import { z } from "@medusajs/framework/zod"

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
