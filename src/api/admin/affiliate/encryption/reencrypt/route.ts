import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reencryptSecretsWorkflow } from "../../../../../workflows/encryption/workflows/reencrypt-secrets"

/**
 * POST /admin/affiliate/encryption/reencrypt: re-encrypts the stored S2S and outbound keys, webhook
 * secrets and payout details with the current encryption key, and answers how many of each kind
 * were re-encrypted, already current or unreadable (README, "Rotating the encryption key").
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await reencryptSecretsWorkflow(req.scope).run({ input: undefined })
  res.json(result)
}
