/**
 * Where an affiliate link sends the shopper. The deep link `url` is followed only to the target's
 * own origin or to a host the campaign allows, over http(s); anything else falls back to the
 * target, so the link can never be used as an open redirect.
 */
export function chooseDestination(targetUrl: string, deepLink: string | undefined, allowedHosts: string[] = []): URL {
  const target = new URL(targetUrl)
  if (!deepLink) return target
  let candidate: URL
  try {
    candidate = new URL(deepLink, target)
  } catch {
    return target
  }
  if (candidate.protocol !== "https:" && candidate.protocol !== "http:") return target
  if (candidate.username || candidate.password) return target
  const sameOrigin = candidate.origin === target.origin
  const allowed = allowedHosts.some((h) => h.toLowerCase() === candidate.host.toLowerCase()) && candidate.protocol === target.protocol
  return sameOrigin || allowed ? candidate : target
}

/** The parameter beside `click_token` saying when the click's attribution window ends (Unix seconds). */
export const CLICK_EXPIRES_AT_PARAM = "click_expires_at"

/**
 * Appends `click_token` (and, when given, `click_expires_at`: the end of the click's attribution
 * window in Unix seconds, so a storefront keeps the token exactly as long) to a URL, keeping its
 * own query and fragment byte for byte. Only a URL that already carries one of them is
 * re-serialised, to replace the stale values.
 */
export function withClickToken(url: URL, clickToken: string | null, expiresAt?: Date | null): string {
  if (!clickToken) return url.href
  const expires = expiresAt ? String(Math.floor(expiresAt.getTime() / 1000)) : null
  if (url.searchParams.has("click_token") || url.searchParams.has(CLICK_EXPIRES_AT_PARAM)) {
    const out = new URL(url.href)
    out.searchParams.set("click_token", clickToken)
    if (expires) out.searchParams.set(CLICK_EXPIRES_AT_PARAM, expires)
    else out.searchParams.delete(CLICK_EXPIRES_AT_PARAM)
    return out.href
  }
  const [base, ...fragment] = url.href.split("#")
  const separator = !url.search ? (base.endsWith("?") ? "" : "?") : "&"
  const hash = fragment.length ? "#" + fragment.join("#") : ""
  const appended = `click_token=${encodeURIComponent(clickToken)}${expires ? `&${CLICK_EXPIRES_AT_PARAM}=${expires}` : ""}`
  return `${base}${separator}${appended}${hash}`
}
