import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deleteCampaignWorkflow } from "../../../../../workflows/campaigns/workflows/delete-campaign"
import { updateCampaignWorkflow } from "../../../../../workflows/campaigns/workflows/update-campaign"
import { assertHandleFree } from "../helpers"
import { AdminUpdateCampaignType, commissionRuleIssues } from "../validators"

async function retrieve(req: AuthenticatedMedusaRequest, fields: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "affiliate_campaign", fields, filters: { id: req.params.id } },
    { throwIfKeyNotFound: true }
  )
  return data[0]
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ campaign: await retrieve(req, req.queryConfig.fields) })
}

/** POST /admin/affiliate/campaigns/:id: partial update; the commission rule is checked as merged. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCampaignType>, res: MedusaResponse) => {
  const { id } = req.params
  const body = req.validatedBody
  const stored = await retrieve(req, ["id", "commission_type", "raw_commission_value", "currency_code"])
  const rule = {
    commission_type: body.commission_type ?? stored.commission_type,
    commission_value: body.commission_value ?? String(stored.raw_commission_value?.value ?? stored.commission_value),
    currency_code: body.currency_code !== undefined ? body.currency_code : stored.currency_code,
  }
  const issues = commissionRuleIssues(rule)
  if (issues.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issues.map((i) => i.message).join("; ")}`)
  }
  if (body.handle) {
    await assertHandleFree(req.scope, body.handle, id)
  }
  const currency = rule.commission_type === "flat" ? { currency_code: rule.currency_code } : { currency_code: null }
  await updateCampaignWorkflow(req.scope).run({ input: { id, ...body, ...currency } })
  res.json({ campaign: await retrieve(req, req.queryConfig.fields) })
}

/** DELETE /admin/affiliate/campaigns/:id: soft delete; its links and key stop working. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id } = req.params
  await retrieve(req, ["id"])
  await deleteCampaignWorkflow(req.scope).run({ input: { id } })
  res.json({ id, object: "affiliate_campaign", deleted: true })
}
