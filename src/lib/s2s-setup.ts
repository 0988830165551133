import type { AdminS2sSetupResponse } from "../types/http"
import { currencyDecimals } from "../modules/affiliate/utils/money"
import { type PublicBaseSource, REQUEST_URL_NOTICE } from "./public-base"
import { s2sParametersFor } from "./s2s-parameters"

export const S2S_ENDPOINT_PATH = "/integration/s2sConvert"

/** What the admin's Integration Setup tab and quick-access modal show for a campaign (README, "Admin dashboard"). */
export type S2sSetup = AdminS2sSetupResponse

export type S2sSetupInput = {
  apiKey: string | null
  keyProblem?: string | null
  /** Shown in the example in place of an unreadable key. */
  keyPrefix?: string | null
  publicUrl: string
  publicUrlSource?: PublicBaseSource
  /** Shown under the endpoint URL when it does not come from the publicUrl option (see `choosePublicBase`). */
  publicUrlNotice?: string | null
  /** The campaign's currency, if it has one; the example order is then in it. */
  currencyCode?: string | null
  previousKeyExpiresAt?: Date | string | null
  /** A lead campaign's example reports a lead reference, without order total or currency. */
  toolType?: "sale" | "lead"
}

/** Single-quotes a value for a POSIX shell, so the example can be pasted as it is. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** An example total with exactly the currency's decimals, which the endpoint insists on. */
function exampleTotal(currency: string): string {
  const digits = currencyDecimals(currency) ?? 2
  return digits === 0 ? "12990" : `129.${"90".padEnd(digits, "0").slice(0, digits)}`
}

export function buildS2sSetup({
  apiKey,
  keyProblem = null,
  keyPrefix = null,
  publicUrl,
  publicUrlSource = "public_url",
  publicUrlNotice,
  currencyCode,
  previousKeyExpiresAt,
  toolType = "sale",
}: S2sSetupInput): S2sSetup {
  const endpointUrl = `${publicUrl.replace(/\/+$/, "")}${S2S_ENDPOINT_PATH}`
  const currency = (currencyCode || "usd").toUpperCase()
  const example =
    toolType === "lead"
      ? { click_token: "CLICK_TOKEN_FROM_LANDING_URL", order_id: "LEAD-1001" }
      : { click_token: "CLICK_TOKEN_FROM_LANDING_URL", order_id: "ORDER-1001", order_total: exampleTotal(currency), order_currency: currency }
  const exampleCurl = [
    `curl -X POST ${shellQuote(endpointUrl)}`,
    `  -H ${shellQuote("Content-Type: application/json")}`,
    `  -H ${shellQuote(`X-API-Key: ${apiKey ?? keyPrefix ?? "YOUR_API_KEY"}`)}`,
    `  -d ${shellQuote(JSON.stringify(example))}`,
  ].join(" \\\n")
  return {
    api_key: apiKey,
    key_problem: apiKey ? null : keyProblem,
    endpoint_url: endpointUrl,
    endpoint_url_source: publicUrlSource,
    endpoint_url_notice: publicUrlNotice !== undefined ? publicUrlNotice : publicUrlSource === "public_url" ? null : REQUEST_URL_NOTICE,
    method: "POST",
    parameters: s2sParametersFor(toolType),
    example_curl: exampleCurl,
    previous_key_expires_at: previousKeyExpiresAt ? new Date(previousKeyExpiresAt).toISOString() : null,
  }
}
