import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetBreakdownParams, AdminGetCampaignSeriesParams, AdminGetCampaignTotalsParams, AdminTestClick } from "./validators"

/** The dashboard's own endpoints: campaign totals and series, breakdowns by where traffic came from, and the test click. */
export const adminDashboardMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/stats/campaigns",
    middlewares: [validateAndTransformQuery(AdminGetCampaignTotalsParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/campaigns/:id/stats",
    middlewares: [validateAndTransformQuery(AdminGetCampaignSeriesParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/campaigns/:id/breakdown",
    middlewares: [validateAndTransformQuery(AdminGetBreakdownParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/affiliates/:id/breakdown",
    middlewares: [validateAndTransformQuery(AdminGetBreakdownParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/campaigns/:id/test-click",
    middlewares: [validateAndTransformBody(AdminTestClick)],
  },
]
