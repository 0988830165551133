import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { ERASURE_FIELDS } from "./query-config"
import { AdminCreateErasure, AdminGetErasuresParams } from "./validators"


export const adminErasureMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/erasures",
    middlewares: [validateAndTransformQuery(AdminGetErasuresParams, { defaults: ERASURE_FIELDS, allowed: ERASURE_FIELDS, isList: true })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/affiliate/erasures",
    middlewares: [validateAndTransformBody(AdminCreateErasure)],
  },
]
