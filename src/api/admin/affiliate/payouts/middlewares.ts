import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listPayoutsTransformQueryConfig } from "./query-config"
import { AdminCreatePayouts, AdminGetBalancesParams, AdminGetPayoutsParams, AdminMarkPayoutPaid } from "./validators"

export const adminPayoutMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/balances",
    middlewares: [validateAndTransformQuery(AdminGetBalancesParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/payouts",
    middlewares: [validateAndTransformQuery(AdminGetPayoutsParams, listPayoutsTransformQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/payouts",
    middlewares: [validateAndTransformBody(AdminCreatePayouts)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/payouts/:id/paid",
    middlewares: [validateAndTransformBody(AdminMarkPayoutPaid)],
  },
]
