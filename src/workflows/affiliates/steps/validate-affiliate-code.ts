import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_CODE_PATTERN } from "../../../modules/affiliate/utils/link-identifiers"

export const validateAffiliateCodeStepId = "validate-affiliate-code"

/** Refuses a code that is not URL-safe (400) or that `taken` says another live affiliate has (422). */
export async function checkAffiliateCode(code: string, taken: (code: string) => Promise<boolean>): Promise<void> {
  if (!AFFILIATE_CODE_PATTERN.test(code)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "code must be 1-64 letters, digits, underscores or dashes")
  }
  if (await taken(code)) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `An affiliate with code "${code}" already exists: choose another code`)
  }
}

/**
 * An affiliate's code must be URL-safe and unique among live affiliates: say so before the
 * database index has to, whoever runs the workflow. Reads only: nothing to compensate.
 */
export const validateAffiliateCodeStep = createStep(
  validateAffiliateCodeStepId,
  async ({ code, except_id }: { code?: string; except_id?: string }, { container }) => {
    if (code === undefined) return new StepResponse(undefined)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    await checkAffiliateCode(code, async (c) => {
      const { data } = await query.graph({ entity: "affiliate", fields: ["id"], filters: { code: c } })
      return data.some((a: { id: string }) => a.id !== except_id)
    })
    return new StepResponse(undefined)
  }
)
