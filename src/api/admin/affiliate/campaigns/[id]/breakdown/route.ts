import { breakdownHandler } from "../../../breakdown"

/** GET /admin/affiliate/campaigns/:id/breakdown?by=country|device|referrer&days=30: where the campaign's traffic came from. */
export const GET = breakdownHandler("affiliate_campaign")
