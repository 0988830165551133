import { model } from "@medusajs/framework/utils"

/**
 * One pass of the retention job: what it removed and when, for the admin to see. Counts only:
 * nothing it removed is kept here.
 */
export const AffiliateRetentionRun = model.define("affiliate_retention_run", {
  id: model.id({ prefix: "aret" }).primaryKey(),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  status: model.enum(["running", "finished", "failed"]).default("running"),
  // The settings it ran with: request-log rows older than this many days were deleted...
  request_log_days: model.number(),
  // ...and clicks this many days past their attribution window lost their visitor details.
  click_details_grace_days: model.number(),
  request_logs_deleted: model.number().default(0),
  clicks_cleared: model.number().default(0),
  error: model.text().nullable(),
})
