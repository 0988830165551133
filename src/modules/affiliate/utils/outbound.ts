/**
 * Outbound S2S: what is sent to a campaign's external network, and when a failed delivery is
 * tried again. The parameter names default to this plugin's own contract, so two installations
 * can forward to each other without configuration.
 */
export const DEFAULT_OUTBOUND_NAMES = {
  api_key: "api_key",
  click_token: "click_token",
  order_id: "order_id",
  order_total: "order_total",
  order_currency: "order_currency",
  test: "test",
} as const

export type OutboundName = keyof typeof DEFAULT_OUTBOUND_NAMES
export type OutboundConversion = { click_token: string; order_id: string; order_total: string; order_currency: string; is_test: boolean }

/** The payload without the network's key, which is added only when sending. */
export function buildOutboundPayload(conversion: OutboundConversion, names?: Partial<Record<OutboundName, string>> | null): Record<string, string> {
  const n = { ...DEFAULT_OUTBOUND_NAMES, ...(names ?? {}) }
  const payload: Record<string, string> = {
    [n.click_token]: conversion.click_token,
    [n.order_id]: conversion.order_id,
    [n.order_total]: conversion.order_total,
    [n.order_currency]: conversion.order_currency.toUpperCase(),
  }
  if (conversion.is_test) payload[n.test] = "true"
  return payload
}

export function outboundKeyName(names?: Partial<Record<OutboundName, string>> | null): string {
  return names?.api_key || DEFAULT_OUTBOUND_NAMES.api_key
}

const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 6 * 60 * 60 * 1000

/** Exponential backoff: 30 s after the first failure, doubling, at most 6 h apart. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1))
}

/**
 * Replaces a write-only `outbound_api_key` by its encrypted form for storage (`seal` is the module
 * service's `encryptSecret`); `null` clears it and an absent key leaves the stored one alone.
 */
export function sealOutboundKey<T extends { outbound_api_key?: string | null }>(
  input: T,
  seal: (plain: string) => string
): Omit<T, "outbound_api_key"> & { outbound_api_key_ciphertext?: string | null } {
  const { outbound_api_key, ...rest } = input
  if (outbound_api_key === undefined) return rest
  return { ...rest, outbound_api_key_ciphertext: outbound_api_key ? seal(outbound_api_key) : null }
}

/** At most this much of a network's answer is kept with an attempt. */
export const RESPONSE_EXCERPT_LENGTH = 500

/** What an outbound key is replaced with wherever a network's answer echoes it. */
export const REDACTED_OUTBOUND_KEY = "[outbound key]"

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const htmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")
// PHP's json_encode, a common echo, writes "/" as "\/" and anything beyond ASCII as \uXXXX.
const phpJson = (text: string) =>
  JSON.stringify(text).slice(1, -1).replace(/\//g, "\\/").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

/**
 * Every form the key is sent in, or a network may echo it in: raw, percent-encoded (a GET query,
 * once or twice, or as `encodeURI` leaves it), form-encoded (`+` for a space), JSON-escaped (a POST body, or PHP's escapes) and
 * HTML-escaped (an error page).
 */
export function outboundKeyEncodings(key: string): string[] {
  const form = new URLSearchParams({ k: key }).toString().slice(2)
  const json = JSON.stringify(key).slice(1, -1)
  return [key, encodeURIComponent(key), encodeURIComponent(encodeURIComponent(key)), encodeURI(key), form, json, phpJson(key), htmlEscape(key), htmlEscape(json)]
}

/**
 * Replaces the campaign's write-only outbound key in a network's answer (or an error about it) in
 * every encoding it was sent in, before anything is stored; hex digits in any case (`%2f`, `%2F`).
 */
export function redactOutboundKey(text: string, key: string | null): string {
  if (!key) return text
  const forms = [...new Set(outboundKeyEncodings(key))].sort((a, b) => b.length - a.length)
  return text.replace(new RegExp(forms.map(escapeRegExp).join("|"), "gi"), REDACTED_OUTBOUND_KEY)
}
