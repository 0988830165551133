import { reviewHandler } from "../../review"

/** POST /admin/affiliate/conversions/:id/reject, body `{ reason }` (1-500 characters): pending only. */
export const POST = reviewHandler("reject")
