/*
 * What a request to an affiliate link says about the visit (README, "Trust"): whether it is one at
 * all (a HEAD, a browser's prefetch or a chat app's link preview is not), where the visitor came
 * from (the country the host's CDN names, the referring host) and whether the link was bought as a
 * search ad. Pure: the link route and the module hand in what the request carried.
 */

type Headers = Record<string, string | string[] | undefined>

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * A browser fetching ahead of a possible navigation: `Sec-Purpose: prefetch` (also
 * `prefetch;prerender`), the older `Purpose: prefetch` and `X-Purpose: preview` (Safari's top
 * sites), `X-Moz: prefetch` (Firefox). Header names are lower-case, as Node gives them.
 */
export function isPrefetch(headers: Headers): boolean {
  const purpose = [header(headers, "sec-purpose"), header(headers, "purpose"), header(headers, "x-purpose"), header(headers, "x-moz")]
  return purpose.some((value) => !!value && /^\s*(prefetch|preview)\b/i.test(value))
}

/**
 * The agents chat and social apps fetch a shared link with to draw its preview card: they follow
 * the link before (or without) anyone clicking it. Most are crawlers to isbot too; this list holds
 * them whatever isbot's release says, as device.ts does the other way for in-app browsers.
 */
const LINK_PREVIEW_AGENTS = [
  /Slackbot(-LinkExpanding)?/i,
  /facebookexternalhit|facebookcatalog/i,
  /Twitterbot/i,
  /WhatsApp\//i,
  /TelegramBot/i,
  /Discordbot/i,
  /LinkedInBot/i,
  /Applebot/i,
  /SkypeUriPreview/i,
  /redditbot/i,
  /Pinterestbot/i,
  /Snap URL Preview Service/i,
  /vkShare|Iframely|Embedly|Mastodon\//i,
  /Google-PageRenderer|Google-Read-Aloud/i,
  /MicrosoftPreview|Teams\/|BingPreview/i,
]

/** A link-preview agent (Slack, Facebook, X, WhatsApp, Telegram, Discord, LinkedIn, iMessage…). */
export function isLinkPreview(userAgent: string | null | undefined): boolean {
  return !!userAgent && LINK_PREVIEW_AGENTS.some((agent) => agent.test(userAgent))
}

/** The edge headers CDNs put the visitor's country in, in the order they are read. */
export const COUNTRY_HEADERS = ["cf-ipcountry", "cloudfront-viewer-country", "x-vercel-ip-country"] as const

/** "unknown" when no header names a country: reports group such visits under it. */
export const UNKNOWN = "unknown"

/**
 * The visitor's country as an ISO 3166 alpha-2 code (upper case), from the header the host
 * configured or else the well-known CDN headers; never from a lookup over the network.
 * Cloudflare's `XX` (no country) and anything that is not two letters are unknown; `T1` (Tor) stays.
 */
export function countryFrom(headers: Headers, configured: string | null): string {
  for (const name of configured ? [configured] : COUNTRY_HEADERS) {
    const value = header(headers, name)?.trim().toUpperCase()
    if (value && /^[A-Z][A-Z0-9]$/.test(value) && value !== "XX") return value
  }
  return UNKNOWN
}

/** A visit without a referrer (typed, bookmarked, an app that sends none). */
export const DIRECT = "direct"

/** The referring host, lower case and without `www.`, or "direct"; a referrer that is not an http(s) URL is "unknown". */
export function referrerHost(referrer: string | null | undefined): string {
  if (!referrer) return DIRECT
  try {
    const url = new URL(referrer)
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return UNKNOWN
    return url.hostname.toLowerCase().replace(/^www\./, "").slice(0, 255)
  } catch {
    return UNKNOWN
  }
}

/** The click ids ad networks append when a link is clicked as a paid search ad: Google's (three kinds) and Microsoft's. */
export const PAID_SEARCH_PARAMETERS = ["gclid", "gbraid", "wbraid", "msclkid"] as const

/**
 * The paid-search click id the link was reached with, by name (`gclid`, …), from the link's own
 * query (an ad whose final URL is the affiliate link) or from the deep link it carries; or null.
 * Only the name is kept: the value identifies the ad click to the network.
 */
export function paidSearchParameter(linkQuery: Record<string, unknown>, deepLink: string | null | undefined): string | null {
  for (const name of PAID_SEARCH_PARAMETERS) if (linkQuery[name] !== undefined && linkQuery[name] !== "") return name
  if (!deepLink) return null
  try {
    const params = new URL(deepLink, "https://deep-link.invalid").searchParams
    return PAID_SEARCH_PARAMETERS.find((name) => params.get(name)) ?? null
  } catch {
    return null
  }
}
