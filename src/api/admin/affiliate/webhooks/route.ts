import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { generateWebhookSecret } from "../../../../modules/affiliate/utils/webhooks"
import type { AdminWebhookCreatedResponse, AdminWebhookListResponse } from "../../../../types/http"
import { createWebhookWorkflow } from "../../../../workflows/webhooks/workflows/webhooks"
import { asAnswer } from "../wire"
import { WEBHOOK_FIELDS } from "./query-config"
import type { AdminCreateWebhookType } from "./validators"

/** GET /admin/affiliate/webhooks: every webhook, without secrets. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWebhookListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "affiliate_webhook", fields: WEBHOOK_FIELDS, pagination: { order: { created_at: "ASC" } } })
  res.json({ webhooks: asAnswer<AdminWebhookListResponse["webhooks"]>(data) })
}

/** POST /admin/affiliate/webhooks `{ url, events }`: the answer holds the `whsec_…` secret, in full this once. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateWebhookType>, res: MedusaResponse<AdminWebhookCreatedResponse>) => {
  const secret = generateWebhookSecret()
  const { result } = await createWebhookWorkflow(req.scope).run({ input: { ...req.validatedBody, secret } })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [webhook],
  } = await query.graph({ entity: "affiliate_webhook", fields: WEBHOOK_FIELDS, filters: { id: result.id } }, { throwIfKeyNotFound: true })
  res.json({ webhook: { ...asAnswer<AdminWebhookListResponse["webhooks"][number]>(webhook), secret } })
}
