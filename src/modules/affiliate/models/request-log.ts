import { model } from "@medusajs/framework/utils"

/**
 * One S2S call or one order decision, whatever its outcome, so an admin can answer
 * "why didn't it fire?". Holds the key's prefix only, never the key.
 */
export const AffiliateRequestLog = model
  .define("affiliate_request_log", {
    id: model.id({ prefix: "areq" }).primaryKey(),
    request_id: model.text(),
    source: model.enum(["s2s", "store", "s2s_validate"]).default("s2s"),
    method: model.text().nullable(),
    outcome: model.enum(["success", "duplicate", "skipped", "error"]),
    http_status: model.number().nullable(),
    reason: model.text(),
    campaign_id: model.text().nullable(),
    key_prefix: model.text().nullable(),
    order_id: model.text().nullable(),
    click_token: model.text().nullable(),
    conversion_id: model.text().nullable(),
    is_test: model.boolean().default(false),
  })
  .indexes([
    // The admin's list, newest first, by campaign or all; retention deletes the oldest by created_at.
    { on: ["campaign_id", "created_at"] },
    { on: ["created_at"] },
    // "Why didn't it fire?" by order, by the request_id a shop quotes, or by the click token it sent.
    { on: ["order_id"] },
    { on: ["request_id"] },
    { on: ["click_token"] },
  ])
