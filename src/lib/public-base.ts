/**
 * Where the public URLs shown to admins (the S2S endpoint, affiliate links, statement links) come
 * from (README, "Plugin options"): the `publicUrl` option; else the address this admin request was
 * sent to; else, when that cannot be read, MEDUSA_BACKEND_URL. MEDUSA_BACKEND_URL comes after the
 * request because it is often a development default (the starters' `http://localhost:9000`) that
 * says nothing about where shops reach this backend; the notice says when it was passed over.
 */
export type PublicBaseSource = "public_url" | "request" | "medusa_backend_url"
export type PublicBase = { url: string; source: PublicBaseSource; notice: string | null }

export type PublicBaseInput = {
  publicUrl: string | null
  /** The request's own origin (see `requestOrigin`), null when its Host cannot be used. */
  requestOrigin: string | null
  medusaBackendUrl: string | null
}

const LAST_RESORT = "http://localhost:9000"
const SET_IT = "If shops reach the backend at another address, set publicUrl (or AFFILIATE_PUBLIC_URL)."

export const REQUEST_URL_NOTICE = `The publicUrl option is not set, so this URL is the one this admin is served from. ${SET_IT}`

const trimmed = (url: string) => url.replace(/\/+$/, "")

export function choosePublicBase({ publicUrl, requestOrigin, medusaBackendUrl }: PublicBaseInput): PublicBase {
  if (publicUrl) return { url: trimmed(publicUrl), source: "public_url", notice: null }
  const backend = medusaBackendUrl ? trimmed(medusaBackendUrl) : null
  if (requestOrigin) {
    const passedOver = backend && backend !== requestOrigin ? ` MEDUSA_BACKEND_URL (${backend}) was not used: it differs from the address this admin is served from.` : ""
    return { url: requestOrigin, source: "request", notice: REQUEST_URL_NOTICE + passedOver }
  }
  if (backend) {
    return {
      url: backend,
      source: "medusa_backend_url",
      notice: `The publicUrl option is not set and this request's address cannot be used, so this URL comes from MEDUSA_BACKEND_URL. ${SET_IT}`,
    }
  }
  return { url: LAST_RESORT, source: "request", notice: REQUEST_URL_NOTICE }
}
