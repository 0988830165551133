import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderStatementNotFound, renderStatementPage } from "../../../../lib/statement-page"
import { hashStatementToken } from "../../../../modules/affiliate/utils/statement-token"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { loadStatement } from "../load-statement"
import { STATEMENT_TOKEN_PATTERN, StatementQuery } from "../validators"

/** A private page: never cached or indexed, sends no referrer (the token is in its URL), runs no script. */
const PAGE_HEADERS = {
  "Cache-Control": "no-store, private",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}

/**
 * GET /affiliate/statement/:token: the affiliate's own statement, no admin account needed (README,
 * "The affiliate's statement"). HTML for a browser; the same figures as JSON with
 * `Accept: application/json`. An unknown, rotated or revoked token answers 404.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.set(PAGE_HEADERS)
  const json = req.accepts(["html", "json"]) === "json"
  const token = req.params.token
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = STATEMENT_TOKEN_PATTERN.test(token) ? await service.findStatementAffiliate(hashStatementToken(token)) : null
  if (!affiliate) {
    res.status(404)
    if (json) res.json({ message: "Statement not found" })
    else res.type("html").send(renderStatementNotFound())
    return
  }
  const { days } = StatementQuery.parse(req.query)
  const statement = await loadStatement(req, affiliate, days)
  if (json) res.json(statement)
  else res.type("html").send(renderStatementPage(statement))
}
