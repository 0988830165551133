import { type AffiliateBackend, type BackendFailure, postToStore } from "./backend"
import { type ClickTokenOptions, clickTokenFromUrl, type IncomingRequest, publicUrl, withAffiliateToken } from "./click-token"

/** The query parameters of an affiliate link that points at the storefront directly. */
export const AFFILIATE_PARAM = "aff"
export const CAMPAIGN_PARAM = "campaign"

export type AffiliateClick = {
  /** The campaign's handle or id. */
  campaign: string
  /** The affiliate's code. */
  aff: string
  sub1?: string
  sub2?: string
  sub3?: string
  sub4?: string
  sub5?: string
  /** The landing URL (kept when it is on the campaign target's origin). */
  url?: string
  /** The shopper's browser, when the storefront's server calls on its behalf. */
  userAgent?: string
  referrer?: string
}

export type RecordClickResult =
  /** `clickToken` is null for a paused campaign or affiliate, or a crawler: no click was recorded. */
  | { ok: true; clickToken: string | null; expiresAt: string | null }
  | BackendFailure

const cut = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : undefined)

/** `POST /store/affiliate/clicks`: records one visit and gets its click token; never throws. */
export async function recordAffiliateClick(backend: AffiliateBackend, click: AffiliateClick): Promise<RecordClickResult> {
  const answer = await postToStore(backend, "/store/affiliate/clicks", {
    campaign: click.campaign,
    aff: click.aff,
    sub1: cut(click.sub1, 255),
    sub2: cut(click.sub2, 255),
    sub3: cut(click.sub3, 255),
    sub4: cut(click.sub4, 255),
    sub5: cut(click.sub5, 255),
    url: cut(click.url, 2048),
    user_agent: cut(click.userAgent, 1024),
    referrer: cut(click.referrer, 2048),
  })
  if (!answer.ok) return answer
  return { ok: true, clickToken: answer.body?.click_token ?? null, expiresAt: answer.body?.expires_at ?? null }
}

/**
 * The click a landing URL such as `/?aff=partner&campaign=summer&sub1=x` stands for, or null.
 * `campaign` may be left out of the URL when the storefront passes its own default.
 */
export function affiliateClickFromUrl(url: string | URL | null | undefined, defaults: { campaign?: string } = {}): AffiliateClick | null {
  let parsed: URL
  try {
    parsed = new URL(String(url))
  } catch {
    return null
  }
  const params = parsed.searchParams
  const aff = params.get(AFFILIATE_PARAM)
  const campaign = params.get(CAMPAIGN_PARAM) || defaults.campaign
  if (!aff || !campaign) return null
  const sub = (n: number) => params.get(`sub${n}`) ?? undefined
  return { campaign, aff, sub1: sub(1), sub2: sub(2), sub3: sub(3), sub4: sub(4), sub5: sub(5), url: parsed.href }
}

const isRedirect = (response: Response) => response.status >= 300 && response.status < 400 && response.headers.has("location")

/**
 * Whether the browser is loading the page itself. The landing URL stays in the address bar, so
 * the page's own later requests carry `aff` too: server actions (POST), refreshes and prefetches
 * (fetches). Fetch Metadata tells them apart; browsers without it get the Next.js markers.
 */
function isPageLoad(request: IncomingRequest): boolean {
  const method = (request.method ?? "GET").toUpperCase()
  if (method !== "GET") return false
  const header = (name: string) => request.headers?.get(name) ?? null
  const dest = header("sec-fetch-dest")
  if (dest) return dest === "document"
  return !header("rsc") && !header("next-action") && !header("next-router-prefetch") && header("purpose") !== "prefetch"
}

/**
 * For middleware when affiliate links point at the storefront directly: records the click of a
 * landing URL with `aff` once (when the browser loads the page: not on a redirect, which the page
 * it leads to records, nor on the page's own fetches) and keeps its token like
 * `withAffiliateToken`, which it also does for a `click_token` in the URL. When the backend
 * cannot be reached the page is served as it is, after at most the timeout.
 */
export async function withAffiliateClick<R extends Response>(
  request: IncomingRequest,
  response: R,
  backend: AffiliateBackend & { campaign?: string },
  options: ClickTokenOptions = {}
): Promise<R> {
  try {
    const recordable = isPageLoad(request) && !isRedirect(response) && !clickTokenFromUrl(request.url)
    const click = recordable ? affiliateClickFromUrl(publicUrl(request), backend) : null
    if (!click) return withAffiliateToken(request, response, options)
    const recorded = await recordAffiliateClick(backend, {
      ...click,
      userAgent: request.headers?.get("user-agent") ?? undefined,
      referrer: request.headers?.get("referer") ?? undefined,
    })
    if (!recorded.ok || !recorded.clickToken) return withAffiliateToken(request, response, options)
    const expiresIn = recorded.expiresAt ? Math.floor((Date.parse(recorded.expiresAt) - Date.now()) / 1000) : NaN
    return withAffiliateToken(request, response, {
      ...(expiresIn > 0 && { maxAge: expiresIn }),
      ...options,
      clickToken: recorded.clickToken,
    })
  } catch {
    return response
  }
}
