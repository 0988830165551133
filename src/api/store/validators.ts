import { z } from "@medusajs/framework/zod"
import { MAX_CLICK_TOKEN_LENGTH } from "../../modules/affiliate/utils/click-token"

export const StoreCaptureAttribution = z.strictObject({
  // Not trimmed: the token must match byte for byte.
  click_token: z.string().min(1).max(MAX_CLICK_TOKEN_LENGTH).optional(),
  consent: z.enum(["granted", "denied"]),
  consent_source: z.string().max(255).optional(),
})
export type StoreCaptureAttributionType = z.infer<typeof StoreCaptureAttribution>

const sub = z.string().max(255).optional()

export const StoreRecordClick = z.strictObject({
  campaign: z.string().min(1).max(255),
  aff: z.string().min(1).max(255),
  sub1: sub,
  sub2: sub,
  sub3: sub,
  sub4: sub,
  sub5: sub,
  url: z.string().max(2048).optional(),
  // The shopper's browser, when the storefront server calls on its behalf.
  user_agent: z.string().max(1024).optional(),
  referrer: z.string().max(2048).optional(),
})
export type StoreRecordClickType = z.infer<typeof StoreRecordClick>
