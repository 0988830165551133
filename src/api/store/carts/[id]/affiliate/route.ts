import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CLICK_COOKIE } from "../../../../../modules/affiliate/utils/click-token"
import { CLICK_EXPIRED, UNKNOWN_CLICK_TOKEN } from "../../../../../workflows/store/steps/resolve-click"
import { captureAttributionWorkflow } from "../../../../../workflows/store/workflows/capture-attribution"
import { removeAttributionWorkflow } from "../../../../../workflows/store/workflows/remove-attribution"
import type { StoreCaptureAttributionType } from "../../../validators"

/**
 * POST /store/carts/:id/affiliate { click_token?, consent, consent_source? }
 * Stores the click token (from the body, else the affiliate link's cookie) and the consent.
 * An unknown or expired token answers 422 and leaves the cart unchanged.
 */
export async function POST(req: MedusaRequest<StoreCaptureAttributionType>, res: MedusaResponse) {
  const { click_token, consent, consent_source } = req.validatedBody
  const cookieToken = req.cookies?.[CLICK_COOKIE]
  const { result, errors } = await captureAttributionWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      click_token: click_token ?? cookieToken ?? null,
      token_source: click_token ? "body" : cookieToken ? "cookie" : null,
      consent,
      consent_source,
    },
    throwOnError: false,
  })
  const error = errors[0]?.error
  if (error) {
    if (error.code === UNKNOWN_CLICK_TOKEN || error.code === CLICK_EXPIRED) {
      res.status(422).json({ type: "invalid_data", code: error.code, message: error.message })
      return
    }
    throw error
  }
  res.json({ attribution: result })
}

/** DELETE /store/carts/:id/affiliate: the order will not be attributed. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const { result } = await removeAttributionWorkflow(req.scope).run({ input: { cart_id: req.params.id } })
  res.json({ cart_id: req.params.id, object: "affiliate_attribution", deleted: result.deleted })
}
