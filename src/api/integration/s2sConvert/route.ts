import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerShopCall } from "../answer-call"
import { convert } from "./convert"

/**
 * POST/GET /integration/s2sConvert: external shops report conversions with a campaign's API key.
 * Every answer is JSON with a status, a message and a request_id; client input never yields a 5xx.
 */
export async function handleS2sCall(req: MedusaRequest, res: MedusaResponse) {
  await answerShopCall(req, res, "s2s", (service, requestId) => convert(req, service, requestId), "Internal error: the conversion was not recorded, retry later")
}

export const GET = handleS2sCall
export const POST = handleS2sCall
// Every other method is answered with the contract's 405 by ../middlewares.ts.
