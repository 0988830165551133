import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ClientAborted, mediaType, NotUtf8, readRawBody } from "../../../../../lib/raw-body"
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "../../../../../lib/unstorable-text"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { validationBody } from "../../../../../modules/affiliate/utils/validation-input"
import type { AdminValidateConversionsResponse } from "../../../../../types/http"
import { adminActor } from "../../actor"
import { parseJsonObject } from "../../../../integration/s2sConvert/read-input"
import { csvEntries } from "./csv-entries"
import { AdminValidateConversionsQuery } from "./validators"

const MAX_BODY_BYTES = 2 * 1024 * 1024

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * POST /admin/affiliate/conversions/validate: the shop's validation (contract, section 9) from the
 * admin: the same JSON body plus `campaign_id` and `dry_run`, or a CSV upload (`text/csv`,
 * `?campaign_id=…&dry_run=…`, columns order_id,status,reason,order_total). A dry run answers what
 * would happen and changes nothing. A file that is not UTF-8 or not such a CSV is refused whole.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminValidateConversionsResponse>) => {
  const type = mediaType(req)
  if (type !== "application/json" && type !== "text/csv") throw invalid("Send application/json, or a CSV file as text/csv")
  let text: string | null
  try {
    text = await readRawBody(req, MAX_BODY_BYTES)
  } catch (e) {
    if (e instanceof NotUtf8) throw invalid("The file is not UTF-8: save it as UTF-8 (CSV UTF-8 in spreadsheets) and upload it again")
    if (e instanceof ClientAborted) throw invalid("The upload ended before it was complete")
    throw e
  }
  if (text === null) throw invalid("The body is larger than 2 MB")
  const unstorable = findUnstorableText(text)
  if (unstorable) throw invalid(`The upload ${UNSTORABLE_TEXT_MESSAGE}`)

  let request: { campaign_id: string; dry_run?: boolean; test?: boolean; conversions: unknown[] }
  if (type === "text/csv") {
    const query = AdminValidateConversionsQuery.safeParse(req.query)
    if (!query.success) throw invalid(`Invalid query: ${query.error.issues[0].path.join(".")} ${query.error.issues[0].message}`)
    const csv = csvEntries(text)
    if ("problem" in csv) throw invalid(csv.problem)
    request = { ...query.data, conversions: csv.entries }
  } else {
    let body: Record<string, unknown>
    try {
      body = parseJsonObject(text)
    } catch (e) {
      throw invalid((e as Error).message)
    }
    const { campaign_id, dry_run, ...rest } = body
    if (typeof campaign_id !== "string" || !campaign_id) throw invalid("campaign_id is required: the campaign whose conversions these are")
    if (dry_run !== undefined && typeof dry_run !== "boolean") throw invalid("dry_run must be true or false")
    const parsed = validationBody.safeParse(rest)
    if (!parsed.success) throw invalid(`Invalid ${parsed.error.issues[0].path.join(".") || "body"}: ${parsed.error.issues[0].message}`)
    request = { campaign_id, dry_run, ...parsed.data }
  }
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  await service.retrieveAffiliateCampaign(request.campaign_id, { select: ["id"] })
  const summary = await service.validateConversions({ ...request, actor: adminActor(req) })
  res.json({ ...summary, dry_run: request.dry_run ?? false })
}
