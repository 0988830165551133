import type { MedusaRequest } from "@medusajs/framework/http"
import { choosePublicBase, type PublicBase } from "../../../lib/public-base"
import { requestOrigin } from "../../../lib/request-origin"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type { PublicBase }

/**
 * The base of the public URLs this admin request shows: the `publicUrl` option, else the URL the
 * request was addressed to, else MEDUSA_BACKEND_URL (see `choosePublicBase`), with a notice
 * whenever it is not the option.
 */
export function publicBase(req: MedusaRequest): PublicBase {
  const { publicUrl, medusaBackendUrl } = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
  const trust = req.app?.get("trust proxy fn") as ((address: string | undefined, hop: number) => boolean) | undefined
  const origin = publicUrl
    ? null
    : requestOrigin({
        protocol: req.protocol,
        host: req.headers.host,
        forwardedHost: req.headers["x-forwarded-host"],
        proxyTrusted: Boolean(trust?.(req.socket?.remoteAddress, 0)),
      })
  return choosePublicBase({ publicUrl, requestOrigin: origin, medusaBackendUrl })
}
