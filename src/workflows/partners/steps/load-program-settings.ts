import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** The program settings (defaults before the first save). Reads only. */
export const loadProgramSettingsStep = createStep("load-affiliate-program-settings", async (_: void, { container, context }) => {
  return new StepResponse(await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).retrieveProgramSettings(context))
})
