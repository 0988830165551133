import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { CommissionRule } from "../../../modules/affiliate/utils/commission"
import { commissionRuleIssues, commissionRulesIssues, withRuleIds } from "../../../modules/affiliate/utils/commission-rules"
import { firstFreeHandle, HANDLE_MAX, HANDLE_PATTERN, handleFromName } from "../../../modules/affiliate/utils/link-identifiers"
import { targetProblem } from "../../../modules/affiliate/utils/target-guard"
import { fraudRules } from "../../../modules/affiliate/utils/fraud-signals"
import type { CreateCampaignInput } from "./create-campaign"

/** The stored campaign an update is merged with (absent when creating). */
export type StoredCampaign = {
  id: string
  commission_type: "percentage" | "flat"
  commission_value: unknown
  raw_commission_value?: { value: string } | null
  currency_code: string | null
  tool_type?: "sale" | "lead"
  commission_rules?: CommissionRule[] | null
  fraud_rules?: unknown
}

/** The fields being written; `id` only when updating. */
export type CampaignWrite = Partial<CreateCampaignInput> & { id?: string }
export type ValidateCampaignInput = { input: CampaignWrite; stored?: StoredCampaign | null }

export const validateCampaignStepId = "validate-affiliate-campaign"

/**
 * Guards every campaign write, whoever runs the workflow (a route or a host's own code): the
 * commission rule and the commission rules as they will be stored (the update merged with the
 * stored campaign: a flat campaign's rules cannot match items) and the handle, which must be well
 * formed and free; without one, a free handle is derived from the name. Rules get their ids here:
 * one sent back with an id the campaign has keeps it, so items recorded under it still name it.
 * An outbound target must be a public http(s) URL unless the store owner allows private targets
 * (README, "Outbound S2S"): the admin API answers 400 naming `outbound_url`. Fraud rules are
 * merged with the stored ones and completed with the defaults. Answers the fields to
 * write, with `currency_code` cleared for a percentage commission (paid in
 * the order's currency). Reads only: nothing to compensate.
 */
export const validateCampaignStep = createStep(
  validateCampaignStepId,
  async ({ input, stored }: ValidateCampaignInput, { container }) => {
    const rule = {
      tool_type: input.tool_type ?? stored?.tool_type ?? "sale",
      commission_type: input.commission_type ?? stored?.commission_type ?? "percentage",
      // The exact stored decimal, not the number the getter rounds it to.
      commission_value: String(input.commission_value ?? stored?.raw_commission_value?.value ?? stored?.commission_value ?? ""),
      currency_code: input.currency_code !== undefined ? input.currency_code : stored?.currency_code ?? null,
    }
    const storedRules = stored?.commission_rules ?? []
    const rules = input.commission_rules ?? storedRules
    const issues = [...commissionRuleIssues(rule), ...commissionRulesIssues(rules, rule)]
    if (issues.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issues.map((i) => i.message).join("; ")}`)
    }
    if (input.outbound_url) {
      const policy = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
      const problem = targetProblem(input.outbound_url, policy)
      if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, `outbound_url ${problem}`)
    }
    const data: CampaignWrite = { ...input, currency_code: rule.commission_type === "flat" ? rule.currency_code : null }
    if (input.commission_rules) data.commission_rules = withRuleIds(input.commission_rules, storedRules)
    // Stored whole: what the update leaves out keeps its stored value, or the default.
    if (input.fraud_rules || !stored) data.fraud_rules = fraudRules({ ...fraudRules(stored?.fraud_rules), ...input.fraud_rules })
    if (input.handle !== undefined) {
      if (input.handle.length > HANDLE_MAX || !HANDLE_PATTERN.test(input.handle)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "handle must be lower-case letters, digits and single dashes, e.g. summer-sale")
      }
      if ((await takenHandles(container, { handle: input.handle }, stored?.id)).size) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A campaign with handle "${input.handle}" already exists: choose another handle`)
      }
    } else if (!stored) {
      const base = handleFromName(input.name ?? "")
      data.handle = firstFreeHandle(base, await takenHandles(container, { handle: { $like: `${base}%` } }))
    }
    return new StepResponse(data)
  }
)

async function takenHandles(container: { resolve: (key: string) => any }, filters: Record<string, unknown>, exceptId?: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "affiliate_campaign", fields: ["id", "handle"], filters })
  return new Set<string>(data.filter((c: { id: string }) => c.id !== exceptId).map((c: { handle: string }) => c.handle))
}
