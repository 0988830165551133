import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatAmount } from "../../../../modules/affiliate/utils/money"
import { createPayoutsWorkflow } from "../../../../workflows/payouts/workflows/create-payouts"
import type { AdminCreatePayoutsResponse, AdminPayoutListResponse } from "../../../../types/http"
import { adminActor } from "../actor"
import { asAnswer } from "../wire"
import { loadPayouts } from "./helpers"
import type { AdminCreatePayoutsType, AdminGetPayoutsParamsType } from "./validators"

type PayoutRow = { amount?: unknown; raw_amount?: { value: string }; currency_code?: string }

/** GET /admin/affiliate/payouts: filters `affiliate_id`, `status`, `currency_code`; newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPayoutsParamsType>, res: MedusaResponse<AdminPayoutListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, pagination } = req.queryConfig
  const asked = new Set(fields)
  // The exact amount, as a decimal string in the currency's minor unit (not the getter's number).
  const { data, metadata } = await query.graph({
    entity: "affiliate_payout",
    fields: [...new Set([...fields, "raw_amount", "currency_code"])],
    filters: req.filterableFields,
    pagination,
  })
  const rows = data as unknown as (PayoutRow & Record<string, unknown>)[]
  const payouts = rows.map(({ raw_amount, currency_code, amount: _, ...rest }) => ({
    ...rest,
    ...(asked.has("currency_code") && { currency_code }),
    ...(asked.has("amount") && { amount: formatAmount(raw_amount!.value, currency_code!) }),
  }))
  res.json({
    payouts: asAnswer<AdminPayoutListResponse["payouts"]>(payouts),
    count: metadata!.count,
    count_type: "exact",
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

/**
 * POST /admin/affiliate/payouts `{ affiliate_id?, currency_code?, minimum_amount? }`: one open
 * payout per affiliate and currency with a positive balance of at least the minimum; answers them
 * with their lines (none when no balance qualifies).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePayoutsType>, res: MedusaResponse<AdminCreatePayoutsResponse>) => {
  const { result: ids } = await createPayoutsWorkflow(req.scope).run({ input: { ...req.validatedBody, actor: adminActor(req) } })
  res.json({ payouts: await loadPayouts(req.scope, ids) })
}
