import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpdateProgramSettings } from "../settings/validators"
import { listApplicationsTransformQueryConfig, retrieveApplicationTransformQueryConfig } from "./query-config"
import { AdminApproveApplication, AdminGetApplicationParams, AdminGetApplicationsParams, AdminRejectApplication } from "./validators"

export const adminApplicationMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/admin/affiliate/settings", middlewares: [validateAndTransformBody(AdminUpdateProgramSettings)] },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/applications",
    middlewares: [validateAndTransformQuery(AdminGetApplicationsParams, listApplicationsTransformQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/applications/:id",
    middlewares: [validateAndTransformQuery(AdminGetApplicationParams, retrieveApplicationTransformQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/applications/:id/approve",
    middlewares: [validateAndTransformBody(AdminApproveApplication)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/applications/:id/reject",
    middlewares: [validateAndTransformBody(AdminRejectApplication)],
  },
]
