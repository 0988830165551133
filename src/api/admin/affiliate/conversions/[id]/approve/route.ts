import { reviewHandler } from "../../review"

/** POST /admin/affiliate/conversions/:id/approve, body `{ reason? }`: pending, live conversions only. */
export const POST = reviewHandler("approve")
