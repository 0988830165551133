import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateErasure, AdminGetErasuresParams } from "./validators"

const ERASURE_FIELDS = [
  "id", "scope", "requested_by", "orders_matched", "conversions_cleared", "clicks_cleared", "deliveries_cleared",
  "attributions_deleted", "request_logs_deleted", "created_at",
]

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
