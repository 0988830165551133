import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { codeFromName } from "../../../lib/partner-links"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { checkAffiliateCode } from "../../affiliates/steps/validate-affiliate-code"

/**
 * The new partner's code: the admin's, which must be free (422 otherwise), or one made from the
 * name with a random tail, tried until free. Reads only.
 */
export const chooseAffiliateCodeStep = createStep(
  "choose-affiliate-code",
  async ({ code, name }: { code?: string | null; name: string }, { container, context }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const taken = async (c: string) => (await service.listAffiliates({ code: c }, { select: ["id"] }, context)).length > 0
    if (code) {
      await checkAffiliateCode(code, taken)
      return new StepResponse(code)
    }
    for (let i = 0; i < 10; i++) {
      const candidate = codeFromName(name)
      if (!(await taken(candidate))) return new StepResponse(candidate)
    }
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "No free affiliate code was found: pass one")
  }
)
