import { model } from "@medusajs/framework/utils"

/**
 * The merchant trusts an affiliate for one fraud signal: it is no longer raised on their
 * conversions, and their pending conversions held only for it leave the review queue. Revoking
 * keeps the row (who trusted, who revoked, when): the history of the decision.
 */
export const AffiliateTrust = model
  .define("affiliate_trust", {
    id: model.id({ prefix: "atrs" }).primaryKey(),
    affiliate_id: model.text(),
    code: model.text(),
    // "user:<id>" of the admin who decided.
    created_by: model.text().nullable(),
    revoked_at: model.dateTime().nullable(),
    revoked_by: model.text().nullable(),
  })
  .indexes([{ on: ["affiliate_id", "code"], unique: true, where: "revoked_at IS NULL" }])
