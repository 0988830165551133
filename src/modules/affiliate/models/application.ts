import { model } from "@medusajs/framework/utils"

/**
 * Someone who asked to join the partner program. `pending_confirmation` until the applicant opens
 * the link mailed to them (only the token's SHA-256 is kept); then `pending` in the admin's queue,
 * then `approved` (with the affiliate it became) or `rejected` with a reason.
 */
export const AffiliateApplication = model
  .define("affiliate_application", {
    id: model.id({ prefix: "aapl" }).primaryKey(),
    name: model.text().searchable(),
    email: model.text().searchable(),
    website: model.text().nullable(),
    promotion_plan: model.text(),
    status: model.enum(["pending_confirmation", "pending", "approved", "rejected"]).default("pending_confirmation"),
    confirm_token_hash: model.text().nullable(),
    confirm_expires_at: model.dateTime().nullable(),
    confirmed_at: model.dateTime().nullable(),
    // Keyed hash of the applicant's IP, for the per-address rate limit; never the IP itself.
    ip_hash: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    reviewed_by: model.text().nullable(),
    rejection_reason: model.text().nullable(),
    affiliate_id: model.text().nullable(),
  })
  .indexes([
    { on: ["confirm_token_hash"], unique: true },
    { on: ["status", "created_at"] },
    { on: ["ip_hash", "created_at"] },
    { on: ["email"] },
  ])
