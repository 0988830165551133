import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminWebhookResponse } from "../../../../../types/http"
import { deleteWebhookWorkflow, updateWebhookWorkflow } from "../../../../../workflows/webhooks/workflows/webhooks"
import { asAnswer } from "../../wire"
import { WEBHOOK_FIELDS } from "../query-config"
import type { AdminUpdateWebhookType } from "../validators"

async function load(req: AuthenticatedMedusaRequest, id: string): Promise<AdminWebhookResponse> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [webhook],
  } = await query.graph({ entity: "affiliate_webhook", fields: WEBHOOK_FIELDS, filters: { id } }, { throwIfKeyNotFound: true })
  return { webhook: asAnswer<AdminWebhookResponse["webhook"]>(webhook) }
}

/** GET /admin/affiliate/webhooks/:id: with `status` and, when disabled, `disabled_reason`. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWebhookResponse>) => {
  res.json(await load(req, req.params.id))
}

/** POST /admin/affiliate/webhooks/:id `{ url?, events?, enabled? }`: `enabled: true` starts a disabled webhook again. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateWebhookType>, res: MedusaResponse<AdminWebhookResponse>) => {
  await updateWebhookWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json(await load(req, req.params.id))
}

/** DELETE /admin/affiliate/webhooks/:id: its deliveries not sent yet never will be. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteWebhookWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "affiliate_webhook", deleted: true })
}
