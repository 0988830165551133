import type { MedusaRequest } from "@medusajs/framework/http"
import { requestOrigin } from "../../../lib/request-origin"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Where the backend's public URLs (affiliate links, the S2S endpoint) come from. */
export type PublicBase = { url: string; source: "public_url" | "request" }

const LAST_RESORT = "http://localhost:9000"

/**
 * The `publicUrl` option when it is set; otherwise the URL this admin request was addressed to
 * (README, "Plugin options"), so a host that configured nothing still shows working URLs.
 */
export function publicBase(req: MedusaRequest): PublicBase {
  const { publicUrl } = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  if (publicUrl) return { url: publicUrl, source: "public_url" }
  const trust = req.app?.get("trust proxy fn") as ((address: string | undefined, hop: number) => boolean) | undefined
  const origin = requestOrigin({
    protocol: req.protocol,
    host: req.headers.host,
    forwardedHost: req.headers["x-forwarded-host"],
    proxyTrusted: Boolean(trust?.(req.socket?.remoteAddress, 0)),
  })
  return { url: origin ?? LAST_RESORT, source: "request" }
}
