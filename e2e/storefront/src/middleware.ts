import { affiliateBackend } from "@lib/affiliate"
import { withAffiliateClick } from "medusa-plugin-affiliate-s2s/storefront"
import { NextRequest, NextResponse } from "next/server"

const BACKEND_URL = process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL
const PUBLISHABLE_API_KEY = process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY
const DEFAULT_REGION = process.env.NEXT_PUBLIC_DEFAULT_REGION || "us"

let regionCountries: { codes: Set<string>; at: number } | null = null

/** The countries the backend's regions cover, fetched once an hour. */
async function countryCodes(): Promise<Set<string>> {
  if (!regionCountries || regionCountries.at < Date.now() - 3600_000) {
    const res = await fetch(`${BACKEND_URL}/store/regions`, { headers: { "x-publishable-api-key": PUBLISHABLE_API_KEY! } })
    if (!res.ok) throw new Error(`Backend returned ${res.status}`)
    const { regions } = (await res.json()) as { regions: { countries?: { iso_2?: string }[] }[] }
    const codes = new Set(regions.flatMap((r) => (r.countries ?? []).map((c) => c.iso_2 ?? "")))
    regionCountries = { codes, at: Date.now() }
  }
  return regionCountries.codes
}

/**
 * The starters' routing with its three ways out, the ones that lost the click token before:
 * a redirect to the country URL, `next()` with a new `_medusa_cache_id` cookie on a first visit,
 * and a bare `next()` for a returning visitor.
 */
async function routeByRegion(request: NextRequest) {
  if (request.nextUrl.pathname.includes(".")) {
    return NextResponse.next()
  }

  const cacheIdCookie = request.cookies.get("_medusa_cache_id")
  const cacheId = cacheIdCookie?.value || crypto.randomUUID()
  const codes = await countryCodes()
  const firstPathSegment = request.nextUrl.pathname.split("/")[1]?.toLowerCase()
  const country = codes.has(firstPathSegment) ? firstPathSegment : codes.has(DEFAULT_REGION) ? DEFAULT_REGION : [...codes][0]

  if (firstPathSegment === country) {
    if (!cacheIdCookie) {
      const response = NextResponse.next()
      response.cookies.set("_medusa_cache_id", cacheId, { maxAge: 60 * 60 * 24 })
      return response
    }
    return NextResponse.next()
  }

  const redirectPath = request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname
  return NextResponse.redirect(`${request.nextUrl.origin}/${country}${redirectPath}${request.nextUrl.search}`, 307)
}

// Both starters name the file middleware.ts, which runs on the edge runtime; Next.js 16 also
// accepts proxy.ts (Node.js runtime), where the same function is exported as `proxy`.
export async function middleware(request: NextRequest) {
  return withAffiliateClick(request, await routeByRegion(request), affiliateBackend)
}

export const config = {
  // The starters' matcher; `plain` is the browser-only storefront page of the tests, which keeps
  // its click token with `documentCookies()` and must not meet the middleware's HttpOnly cookie.
  matcher: ["/((?!api|plain|_next/static|_next/image|favicon.ico|images|assets|png|svg|jpg|jpeg|gif|webp).*)"],
}
