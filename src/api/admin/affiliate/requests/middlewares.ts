import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listRequestsTransformQueryConfig } from "./query-config"
import { AdminGetRequestsParams } from "./validators"

export const adminRequestLogMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/requests",
    middlewares: [validateAndTransformQuery(AdminGetRequestsParams, listRequestsTransformQueryConfig)],
  },
]
