import { createHmac } from "node:crypto"

/**
 * A keyed hash of an IP address: equal addresses give equal hashes (repeat and fraud checks),
 * but the address itself is never stored and cannot be recovered without the secret.
 */
export function hashIp(ip: string | undefined | null, secret: Buffer): string | null {
  if (!ip) return null
  return createHmac("sha256", secret).update("ip:" + ip).digest("hex").slice(0, 32)
}

/**
 * A keyed hash of one visitor: the IP and the user agent together, keyed like `hashIp` (a repeat
 * visit through a link is told apart from a new visitor without storing either). Null without an IP.
 */
export function hashVisitor(ip: string | undefined | null, userAgent: string | undefined | null, secret: Buffer): string | null {
  if (!ip) return null
  return createHmac("sha256", secret).update(`visitor:${ip}\n${userAgent ?? ""}`).digest("hex").slice(0, 32)
}
