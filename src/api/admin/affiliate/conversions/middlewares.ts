import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listConversionsTransformQueryConfig, retrieveConversionTransformQueryConfig } from "./query-config"
import {
  AdminApproveConversion,
  AdminExportConversionsParams,
  AdminGetConversionParams,
  AdminGetConversionsParams,
  AdminRejectConversion,
} from "./validators"

const retrieveQuery = validateAndTransformQuery(AdminGetConversionParams, retrieveConversionTransformQueryConfig)

export const adminConversionMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/conversions",
    middlewares: [validateAndTransformQuery(AdminGetConversionsParams, listConversionsTransformQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/conversions/export",
    middlewares: [validateAndTransformQuery(AdminExportConversionsParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/conversions/:id",
    middlewares: [retrieveQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/conversions/validate",
    // Read by the route itself: JSON of up to 2 MB, or a CSV upload (text/csv).
    bodyParser: false,
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/conversions/:id/approve",
    middlewares: [validateAndTransformBody(AdminApproveConversion), retrieveQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/conversions/:id/reject",
    middlewares: [validateAndTransformBody(AdminRejectConversion), retrieveQuery],
  },
]
