import { model } from "@medusajs/framework/utils"

/**
 * The partner program's settings: one row, made on first read. Applications are closed until an
 * admin opens them; `application_campaign_ids` are the campaigns an approved partner joins.
 */
export const AffiliateProgramSettings = model.define("affiliate_program_settings", {
  id: model.id({ prefix: "aprg" }).primaryKey(),
  applications_open: model.boolean().default(false),
  auto_approve: model.boolean().default(false),
  terms_url: model.text().nullable(),
  application_campaign_ids: model.array().default([]),
})
