import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listClicksTransformQueryConfig } from "./query-config"
import { AdminExportClicksParams, AdminGetClicksParams } from "./validators"

export const adminClickMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/clicks",
    middlewares: [validateAndTransformQuery(AdminGetClicksParams, listClicksTransformQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/clicks/export",
    middlewares: [validateAndTransformQuery(AdminExportClicksParams, {})],
  },
]
