import { z } from "@medusajs/framework/zod"
import { AFFILIATE_EVENT_NAMES } from "../../../../modules/affiliate/events"
import { listParams } from "../validators"

const events = z
  .array(z.enum(AFFILIATE_EVENT_NAMES as [string, ...string[]], { error: `events takes ${AFFILIATE_EVENT_NAMES.join(", ")}` }))
  .min(1, "events must name at least one event")
  .transform((list) => [...new Set(list)])
const url = z.string({ error: "url is required" }).trim().max(2048, "url must be at most 2048 characters")

export const AdminCreateWebhook = z.strictObject({ url, events })
export type AdminCreateWebhookType = z.infer<typeof AdminCreateWebhook>
export const AdminUpdateWebhook = z.strictObject({ url: url.optional(), events: events.optional(), enabled: z.boolean().optional() })
export type AdminUpdateWebhookType = z.infer<typeof AdminUpdateWebhook>
export const AdminGetWebhookDeliveriesParams = listParams({}, { limit: 20, paged_by_cursor: true })
