import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listWebhookDeliveriesQueryConfig } from "./query-config"
import { AdminCreateWebhook, AdminGetWebhookDeliveriesParams, AdminUpdateWebhook } from "./validators"

export const adminWebhookMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/admin/affiliate/webhooks", middlewares: [validateAndTransformBody(AdminCreateWebhook)] },
  { methods: ["POST"], matcher: "/admin/affiliate/webhooks/:id", middlewares: [validateAndTransformBody(AdminUpdateWebhook)] },
  {
    methods: ["GET"],
    matcher: "/admin/affiliate/webhooks/:id/deliveries",
    middlewares: [validateAndTransformQuery(AdminGetWebhookDeliveriesParams, listWebhookDeliveriesQueryConfig)],
  },
]
