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

/**
 * Appends `click_token` to a URL, keeping its own query and fragment byte for byte. Only a URL
 * that already carries a click_token is re-serialised, to replace the stale one.
 */
export function withClickToken(url: URL, clickToken: string | null): string {
  if (!clickToken) return url.href
  if (url.searchParams.has("click_token")) {
    const out = new URL(url.href)
    out.searchParams.set("click_token", clickToken)
    return out.href
  }
  const [base, ...fragment] = url.href.split("#")
  const separator = !url.search ? (base.endsWith("?") ? "" : "?") : "&"
  const hash = fragment.length ? "#" + fragment.join("#") : ""
  return `${base}${separator}click_token=${encodeURIComponent(clickToken)}${hash}`
}
