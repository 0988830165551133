import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { generateStatementToken, hashStatementToken, statementUrl } from "../../../../../../modules/affiliate/utils/statement-token"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import { publicBase } from "../../../public-url"
import { revokeStatementLinkWorkflow } from "../../../../../../workflows/statement/workflows/revoke-statement-link"
import { rotateStatementLinkWorkflow } from "../../../../../../workflows/statement/workflows/rotate-statement-link"
import type { AdminStatementLinkCreatedResponse, AdminStatementLinkResponse, DeleteResponse } from "../../../../../../types/http"

/** GET …/statement-link: whether the affiliate has a live link, and since when (the link itself is shown once). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminStatementLinkResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  await query.graph({ entity: "affiliate", fields: ["id"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  const link = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).retrieveStatementLink(req.params.id)
  res.json({ statement_link: link ? { created_at: new Date(link.created_at).toISOString() } : null })
}

/**
 * POST …/statement-link: a new private link to the affiliate's statement; any earlier one stops
 * working. The answer is the only time the link is shown: only its token's hash is kept.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminStatementLinkCreatedResponse>) => {
  const token = generateStatementToken()
  await rotateStatementLinkWorkflow(req.scope).run({ input: { affiliate_id: req.params.id, token_hash: hashStatementToken(token) } })
  res.set("Cache-Control", "no-store")
  res.json({ url: statementUrl(publicBase(req).url, token) })
}

/** DELETE …/statement-link: the link answers 404 from now on. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"affiliate_statement_link">>) => {
  await revokeStatementLinkWorkflow(req.scope).run({ input: { affiliate_id: req.params.id } })
  res.json({ id: req.params.id, object: "affiliate_statement_link", deleted: true })
}
