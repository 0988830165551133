import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Runs `work`; a CONFLICT it throws answers 409 with its own message. Medusa's error handler gives
 * every 409 one generic "retry with the Idempotency-Key" message, which would not tell an admin
 * that the promotion is taken or the payout already paid. Answers whether `work` went through.
 */
export async function answeringConflicts(res: MedusaResponse, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work()
    return true
  } catch (e) {
    if (!(MedusaError.isMedusaError(e) && (e as MedusaError).type === MedusaError.Types.CONFLICT)) throw e
    res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "invalid_state_error", message: (e as MedusaError).message } as never)
    return false
  }
}
