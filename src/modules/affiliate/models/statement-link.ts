import { model } from "@medusajs/framework/utils"
import { Affiliate } from "./affiliate"

/**
 * An affiliate's private statement link. Only the token's SHA-256 is kept: the link is shown once,
 * when it is made. Rotating or revoking soft-deletes the row, so the old link answers 404.
 */
export const AffiliateStatementLink = model
  .define("affiliate_statement_link", {
    id: model.id({ prefix: "astl" }).primaryKey(),
    token_hash: model.text(),
    affiliate: model.belongsTo((): typeof Affiliate => Affiliate, { mappedBy: "statement_links" }),
  })
  .indexes([
    { on: ["token_hash"], unique: true },
    // One live link per affiliate.
    { on: ["affiliate_id"], unique: true },
  ])
