import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listDeliveriesQueryConfig } from "./query-config"
import { AdminGetDeliveriesParams } from "./validators"

export const adminOutboundMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate/outbound-deliveries",
    middlewares: [validateAndTransformQuery(AdminGetDeliveriesParams, listDeliveriesQueryConfig)],
  },
]
