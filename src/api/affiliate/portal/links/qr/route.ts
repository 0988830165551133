import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { isOwnLink } from "../../data"
import type { PortalRequest } from "../../partner"

/**
 * GET /affiliate/portal/links/qr?url=…: the QR code of one of the partner's own tracking links, as
 * SVG (made by the `qrcode` package). Any other URL is refused: this is no QR service for anyone.
 */
export const GET = async (req: PortalRequest, res: MedusaResponse) => {
  const { url } = req.validatedQuery as { url: string }
  if (!isOwnLink(req, req.partner, url)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "url must be one of your own tracking links (from /affiliate/portal/links)")
  }
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 })
  res.type("image/svg+xml").set("Content-Disposition", 'inline; filename="qr-code.svg"').send(svg)
}
