/**
 * The origin a request was addressed to, for the admin's endpoint URL and cURL when no `publicUrl`
 * is configured. `X-Forwarded-Proto` and `X-Forwarded-Host` count only when Medusa trusts the
 * proxy that sent them (Express's "trust proxy" setting, which Medusa sets); a host that is not a
 * plain host name or address (a header trick) is not used.
 */
export type OriginInput = {
  /** Express's `req.protocol`: already the forwarded one when the proxy is trusted. */
  protocol: string
  host: string | undefined
  forwardedHost: string | string[] | undefined
  proxyTrusted: boolean
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

export function requestOrigin({ protocol, host, forwardedHost, proxyTrusted }: OriginInput): string | null {
  const forwarded = proxyTrusted ? String(Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost ?? "").split(",")[0].trim() : ""
  const chosen = forwarded || host || ""
  if (!HOST.test(chosen) || (protocol !== "http" && protocol !== "https")) return null
  return `${protocol}://${chosen}`
}
