import { breakdownHandler } from "../../../breakdown"

/** GET /admin/affiliate/affiliates/:id/breakdown?by=country|device|referrer&days=30: where the affiliate's traffic came from. */
export const GET = breakdownHandler("affiliate")
