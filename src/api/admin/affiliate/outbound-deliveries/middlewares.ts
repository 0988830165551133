import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listDeliveriesQueryConfig } from "./query-config"
import { AdminGetDeliveriesParams } from "./validators"

export const adminOutboundMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/outbound-deliveries",
    middlewares: [validateAndTransformQuery(AdminGetDeliveriesParams, listDeliveriesQueryConfig)],
  },
]
