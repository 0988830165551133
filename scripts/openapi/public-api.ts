import { z } from "@medusajs/framework/zod"
import { AffiliateLinkQuery, AffiliateLinkRefusal } from "../../src/api/affiliate/click/[campaign]/validators"
import { S2S_ANSWERS, S2sAnswerDescription } from "../../src/modules/affiliate/utils/s2s-answers"
import { StatementAnswer, StatementNotFound, StatementQuery } from "../../src/api/affiliate/statement/validators"
import * as storeAnswers from "../../src/api/store/answers"
import { StoreCaptureAttribution, StoreRecordClick } from "../../src/api/store/validators"
import { CLICK_COOKIE } from "../../src/modules/affiliate/utils/click-token"
import { s2sInputSchema } from "../../src/modules/affiliate/utils/s2s-input"
import { ShopConversionsAnswerBody, ValidationAnswerBody, validationBodyDocumented } from "../../src/modules/affiliate/utils/validation-input"
import { S2S_PARAMETERS } from "../../src/lib/s2s-parameters"
import { S2S_ENDPOINT_PATH } from "../../src/lib/s2s-setup"
import { Answer, API_VERSION, buildDocument, DocumentSpec, JsonSchema, Operation, SecurityRequirement } from "./build-document"
import { partnerOperations, partnerSecuritySchemes, partnerTags } from "./partner-api"
import { medusaError } from "./medusa-error"

const OPENAPI_PATH = "/integration/openapi.json"

const S2S_SECURITY: SecurityRequirement[] = [{ S2sApiKey: [] }, { S2sBearer: [] }, { S2sApiKeyParameter: [] }]
const STORE_SECURITY: SecurityRequirement[] = [{ PublishableApiKey: [] }]
const S2S_DESCRIPTIONS = Object.fromEntries(S2S_PARAMETERS.map((p) => [p.name, p.description]))

/** The S2S answers a method can give, each with the X-Request-Id header. */
function s2sAnswers(statuses: (keyof typeof S2S_ANSWERS)[]): Record<string, Answer> {
  return Object.fromEntries(statuses.map((status) => [status, s2sAnswer(status)]))
}

function s2sAnswer(status: keyof typeof S2S_ANSWERS): Answer {
  const { description, body, headers }: S2sAnswerDescription = S2S_ANSWERS[status]
  const name = status === 200 ? "S2sAccepted" : status === 400 ? "S2sInvalid" : "S2sError"
  return { description, body, name, headers: { "X-Request-Id": "This call's id, as in the body's request_id.", ...headers } }
}

const s2sDescription = (how: string) =>
  `${how} Checks run in this order: method, content type and size, decoding, API key, rate limit, fields, consent, click. ` +
  "A 200 is final; retry a 429 after Retry-After and a 5xx with backoff (a repeat of the same order_id answers `duplicate`)."

const operations: Operation[] = [
  {
    method: "get",
    path: "/affiliate/click/{campaign}",
    operationId: "followAffiliateLink",
    summary: "Follow an affiliate link",
    description:
      "Records the click and redirects to the campaign's target URL with `click_token` appended, followed by `click_expires_at` (when the click's attribution window ends, in Unix seconds); the target's own query and fragment are kept. " +
      "A paused campaign or affiliate, or a known bot, is redirected without a token and records no click.",
    tags: ["Affiliate links"],
    security: [],
    pathParams: { campaign: "The campaign's id or handle." },
    query: AffiliateLinkQuery,
    answers: {
      302: {
        description: "To the campaign's target URL (or the allowed deep link), with `click_token` and `click_expires_at` unless the click is not billable.",
        headers: {
          Location: "Where the shopper lands.",
          "Set-Cookie": {
            description: `\`${CLICK_COOKIE}=<token>\`: HttpOnly, SameSite=Lax, Secure under https, Max-Age = the attribution window. Only when a click was recorded.`,
            optional: true,
          },
        },
      },
      400: { description: "`aff` is missing or empty.", body: AffiliateLinkRefusal, name: "AffiliateLinkRefusal" },
      404: { description: "Unknown campaign or affiliate.", body: AffiliateLinkRefusal, name: "AffiliateLinkRefusal" },
    },
  },
  {
    method: "get",
    path: "/affiliate/statement/{token}",
    operationId: "getAffiliateStatement",
    summary: "An affiliate's statement",
    description:
      "The private page an admin shares with an affiliate (no account): tracking links, clicks, conversions and commission per day, balance and " +
      "payouts, without shopper data. HTML for a browser (no script), the same figures as JSON with `Accept: application/json`. Never cached or indexed.",
    tags: ["Affiliate statement"],
    security: [],
    pathParams: { token: "The link's token (`stm_` and 43 characters); only its hash is stored." },
    query: StatementQuery,
    answers: {
      200: { description: "The statement.", body: StatementAnswer, name: "AffiliateStatement", media: { "text/html": { type: "string" } } },
      404: {
        description: "Unknown token, or a link that was rotated or revoked.",
        body: StatementNotFound,
        name: "StatementNotFound",
        media: { "text/html": { type: "string" } },
      },
    },
  },
  {
    method: "get",
    path: S2S_ENDPOINT_PATH,
    operationId: "reportConversionByQuery",
    summary: "Report a conversion (query string)",
    description: s2sDescription("The same parameters as the POST, in the query string (`metadata[key]=value`)."),
    tags: ["S2S"],
    security: S2S_SECURITY,
    query: s2sInputSchema,
    queryOmit: ["api_key"],
    descriptions: S2S_DESCRIPTIONS,
    answers: s2sAnswers([200, 400, 401, 422, 429, 500]),
  },
  {
    method: "post",
    path: S2S_ENDPOINT_PATH,
    operationId: "reportConversion",
    summary: "Report a conversion",
    description: s2sDescription(
      "A JSON or form body of at most 16 KB; parameters may also be in the query string, but none twice. The key may be the body's `api_key`."
    ),
    tags: ["S2S"],
    security: S2S_SECURITY,
    body: { schema: s2sInputSchema, name: "S2sConversion", form: true },
    descriptions: S2S_DESCRIPTIONS,
    answers: s2sAnswers([200, 400, 401, 413, 415, 422, 429, 500]),
  },
  {
    method: "post",
    path: "/integration/s2sValidate",
    operationId: "validateConversions",
    summary: "Validate reported conversions",
    description:
      "Approve, reject and adjust what you reported, after returns (1-1,000 entries, JSON only, at most 1 MB). Each entry is applied on its own " +
      "and whole; a bad entry is answered `invalid` and never blocks the others; a repeat changes nothing (`unchanged`). Amounts are recomputed " +
      "with the rate each item earned when recorded. A paid conversion that is reduced or rejected becomes a negative adjustment for the " +
      "affiliate's next payout. The same key and rate limit as s2sConvert.",
    tags: ["S2S"],
    security: S2S_SECURITY,
    body: { schema: validationBodyDocumented, name: "S2sValidation" },
    answers: {
      200: { description: "One result per entry, in order.", body: ValidationAnswerBody, name: "S2sValidationAnswer", headers: { "X-Request-Id": "This call's id." } },
      400: s2sAnswer(400),
      401: s2sAnswer(401),
      405: s2sAnswer(405),
      413: { ...s2sAnswer(413), description: "The body is larger than 1 MB." },
      415: { ...s2sAnswer(415), description: "A body other than application/json." },
      429: s2sAnswer(429),
      500: s2sAnswer(500),
    },
  },
  {
    method: "get",
    path: "/integration/s2sConversions",
    operationId: "listConversions",
    summary: "List your conversions",
    description:
      "The key's campaign's conversions, newest first, with their items and no visitor data (user agent, IP hash, device, context). " +
      "Filters: `status` (comma-separated), `created_at[gte]`, `created_at[lte]`, `test`; `limit` (1-1,000, default 100) and `after` (the last " +
      "page's `next_cursor`). `Accept: text/csv` answers the page as CSV, one row per conversion, with the next cursor in `X-Next-Cursor`.",
    tags: ["S2S"],
    security: S2S_SECURITY,
    answers: {
      200: {
        description: "A page of conversions.",
        body: ShopConversionsAnswerBody,
        name: "S2sConversionPage",
        media: { "text/csv": { type: "string" } },
        headers: { "X-Request-Id": "This call's id." },
      },
      400: s2sAnswer(400),
      401: s2sAnswer(401),
      429: s2sAnswer(429),
      500: s2sAnswer(500),
    },
  },
  {
    method: "get",
    path: OPENAPI_PATH,
    operationId: "getOpenApiDocument",
    summary: "This document",
    tags: ["OpenAPI"],
    security: [],
    answers: {
      200: {
        description: "The OpenAPI 3.1 document of the public endpoints.",
        body: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
      },
    },
  },
  {
    method: "post",
    path: "/store/carts/{id}/affiliate",
    operationId: "captureCartAttribution",
    summary: "Capture the click token and consent on a cart",
    description:
      "Stores the click token (from the body, else the affiliate link's cookie) and the shopper's consent. A newer token replaces the older one; " +
      "sending only `consent` updates the consent.",
    tags: ["Store"],
    security: STORE_SECURITY,
    pathParams: { id: "The cart's id." },
    cookies: { [CLICK_COOKIE]: "Set by the affiliate link when the backend shares the store's domain; used when the body has no click_token." },
    body: { schema: StoreCaptureAttribution, name: "StoreCaptureAttribution" },
    descriptions: {
      click_token: "The click_token from the landing URL, exactly as received (case-sensitive).",
      consent: "The shopper's answer to affiliate tracking.",
      consent_source: "Which banner or screen recorded the consent.",
    },
    answers: {
      200: { description: "The cart's attribution.", body: storeAnswers.StoreAttributionAnswer, name: "StoreAttributionAnswer" },
      400: medusaError("An invalid body, a completed cart, or a missing publishable key."),
      404: medusaError("Unknown cart."),
      422: { description: "Unknown, case-altered or expired token: the cart is unchanged.", body: storeAnswers.StoreAttributionRefusal },
    },
  },
  {
    method: "delete",
    path: "/store/carts/{id}/affiliate",
    operationId: "removeCartAttribution",
    summary: "Remove a cart's attribution",
    description: "The order will record no conversion.",
    tags: ["Store"],
    security: STORE_SECURITY,
    pathParams: { id: "The cart's id." },
    answers: {
      200: { description: "Removed (or there was none).", body: storeAnswers.StoreAttributionRemoved },
      400: medusaError("A completed cart, or a missing publishable key."),
      404: medusaError("Unknown cart."),
    },
  },
  {
    method: "post",
    path: "/store/affiliate/clicks",
    operationId: "recordStorefrontClick",
    summary: "Record a click on the storefront",
    description: "For storefronts that receive affiliate traffic directly: records the click as the affiliate link does.",
    tags: ["Store"],
    security: STORE_SECURITY,
    body: { schema: StoreRecordClick, name: "StoreRecordClick" },
    descriptions: {
      campaign: "The campaign's id or handle.",
      aff: "The affiliate's code.",
      url: "The landing URL or deep link, checked as the affiliate link checks it.",
      user_agent: "The shopper's browser, when the storefront's server calls on its behalf.",
      referrer: "The page that sent the shopper.",
    },
    answers: {
      201: { description: "The click was recorded.", body: storeAnswers.StoreClickRecorded },
      200: { description: "A paused campaign or affiliate, or a crawler: no click, no token.", body: storeAnswers.StoreClickNotBillable },
      400: medusaError("An invalid body or a missing publishable key."),
      404: medusaError("Unknown campaign or affiliate."),
    },
  },
]

const spec: DocumentSpec = {
  info: {
    title: "Affiliate S2S: public API",
    version: API_VERSION,
    description:
      "The endpoints shops, storefronts and shoppers call: the affiliate link, the server-to-server conversion endpoint and the store routes. " +
      "Generated from the zod schemas the routes validate with (`npm run openapi`).",
  },
  tags: [
    { name: "Affiliate links", description: "The link affiliates share; records the click and redirects." },
    { name: "S2S", description: "Server-to-server conversions, authenticated with the campaign's API key. A lead campaign's calls need no order_total or order_currency." },
    { name: "Affiliate statement", description: "The affiliate's own read-only statement, behind a private, revocable link." },
    { name: "Store", description: "For Medusa storefronts; every /store route needs the publishable key header." },
    { name: "OpenAPI", description: "This description." },
    ...partnerTags,
  ],
  securitySchemes: {
    S2sApiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "The campaign's S2S API key (`s2s_…`)." },
    S2sBearer: { type: "http", scheme: "bearer", description: "The campaign's S2S API key as `Authorization: Bearer <key>`." },
    S2sApiKeyParameter: {
      type: "apiKey",
      in: "query",
      name: "api_key",
      description: "The campaign's S2S API key as the `api_key` parameter: in the query string, or a field of a POST body.",
    },
    PublishableApiKey: { type: "apiKey", in: "header", name: "x-publishable-api-key", description: "A Medusa publishable API key." },
    ...partnerSecuritySchemes,
  },
  pathDescriptions: {
    [S2S_ENDPOINT_PATH]: "Any other method answers 405 with `Allow: GET, POST` (see the response `S2sMethodNotAllowed`).",
  },
  responses: { S2sMethodNotAllowed: s2sAnswer(405) },
  operations: [...operations, ...partnerOperations],
}

let document: JsonSchema | undefined

/** The public document, built once per process: the served one and the committed file are this. */
export function publicApiDocument(): JsonSchema {
  return (document ??= buildDocument(spec))
}
