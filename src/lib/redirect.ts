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

/** Appends `click_token` to a URL, keeping its own query and fragment. */
export function withClickToken(url: URL, clickToken: string | null): string {
  const out = new URL(url.href)
  if (clickToken) {
    out.searchParams.delete("click_token")
    out.searchParams.append("click_token", clickToken)
  }
  return out.href
}
