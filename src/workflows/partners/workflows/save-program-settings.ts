import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveProgramSettingsStep, SaveProgramSettingsInput, validateProgramSettingsStep } from "../steps/save-program-settings"

/** Saves the partner program's settings (README, "Partner program"): open or close applications, auto-approve, terms, campaigns. */
export const saveProgramSettingsWorkflow = createWorkflow("save-affiliate-program-settings", (input: SaveProgramSettingsInput) => {
  validateProgramSettingsStep(input)
  return new WorkflowResponse(saveProgramSettingsStep(input))
})
