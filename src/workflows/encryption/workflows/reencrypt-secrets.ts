import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reencryptSecretsStep } from "../steps/reencrypt-secrets"

/**
 * The last step of rotating the encryption key (README, "Rotating the encryption key"): every
 * stored secret an earlier key encrypted is encrypted again with the current one, after which the
 * earlier key can be removed from `previousEncryptionKeys`. Running it again changes nothing.
 */
export const reencryptSecretsWorkflow = createWorkflow("reencrypt-affiliate-secrets", () => {
  return new WorkflowResponse(reencryptSecretsStep())
})
