import { z } from "@medusajs/framework/zod"
import { normalizeIban } from "../../../lib/iban"

const sub = (n: number) => z.string().trim().max(255, `sub${n} must be at most 255 characters`).optional()
const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v)

export const PortalBuildLink = z.object({
  campaign_id: z.string({ error: "campaign_id is required" }).min(1, "campaign_id is required").max(100),
  url: z.preprocess(blankAsUndefined, z.string().trim().max(2048, "url must be at most 2048 characters").optional()),
  sub1: z.preprocess(blankAsUndefined, sub(1)),
  sub2: z.preprocess(blankAsUndefined, sub(2)),
  sub3: z.preprocess(blankAsUndefined, sub(3)),
  sub4: z.preprocess(blankAsUndefined, sub(4)),
  sub5: z.preprocess(blankAsUndefined, sub(5)),
})
export type PortalBuildLinkType = z.infer<typeof PortalBuildLink>

export const PortalQrParams = z.object({ url: z.string({ error: "url is required" }).min(1).max(4096) })

export const PortalStatsParams = z.object({
  days: z.preprocess((v) => (v === undefined ? 30 : Number(v)), z.union([z.literal(7), z.literal(30), z.literal(90)], { error: "days must be 7, 30 or 90" })),
})

export const PortalConversionsParams = z.object({
  limit: z.preprocess((v) => (v === undefined ? 20 : Number(v)), z.number().int().min(1).max(100, "limit must be at most 100")),
  after: z.string().max(200).optional(),
})

export const PortalUpdateMe = z.object({
  email_notifications: z.enum(["each", "daily", "off"], { error: "email_notifications must be each, daily or off" }),
})
export type PortalUpdateMeType = z.infer<typeof PortalUpdateMe>

export const PortalPayoutDetails = z
  .object({
    method: z.enum(["paypal", "bank"], { error: "method must be paypal or bank" }),
    paypal_email: z.preprocess(blankAsUndefined, z.string().trim().toLowerCase().max(320).pipe(z.email("paypal_email must be a valid email address")).optional()),
    iban: z.preprocess(blankAsUndefined, z.string().max(64).optional()),
    account_name: z.preprocess(blankAsUndefined, z.string().trim().max(255, "account_name must be at most 255 characters").optional()),
  })
  .transform((d, ctx) => {
    if (d.method === "paypal") {
      if (!d.paypal_email) ctx.addIssue({ code: "custom", path: ["paypal_email"], message: "paypal_email is required for PayPal" })
      return { method: "paypal" as const, paypal_email: d.paypal_email }
    }
    const iban = d.iban ? normalizeIban(d.iban) : null
    if (!iban) ctx.addIssue({ code: "custom", path: ["iban"], message: "iban must be a valid IBAN, e.g. DE89 3704 0044 0532 0130 00" })
    if (!d.account_name) ctx.addIssue({ code: "custom", path: ["account_name"], message: "account_name is required for a bank account" })
    return { method: "bank" as const, iban: iban ?? undefined, account_name: d.account_name }
  })
export type PortalPayoutDetailsType = z.infer<typeof PortalPayoutDetails>
