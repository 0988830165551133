import { type AffiliateBackend, type BackendFailure, callStore } from "./backend"
import { forgetClickToken } from "./click-token"
import type { CookieStore } from "./cookies"

export type ForgetInput = AffiliateBackend & {
  /** The cart whose attribution is removed; without one, only the kept token is forgotten. */
  cartId?: string | null
  /** `await cookies()` in a server action or route handler, or `documentCookies()` in a browser. */
  cookies: CookieStore
}

export type ForgetResult = (
  /** `deleted`: false when the cart had no attribution (or no cart was given). */
  | { ok: true; deleted: boolean }
  | BackendFailure
) & {
  /** The kept token and its marker were removed from the browser. */
  clickTokenForgotten: boolean
}

/**
 * "Do not credit anyone for my order": `DELETE /store/carts/:id/affiliate`, and the kept click
 * token is forgotten in the browser whatever the backend answers (a failed call can be made again
 * with the same cart; nothing would send the token again). The shopper's consent answer is theirs
 * and stays. Never throws.
 */
export async function forgetAttribution(input: ForgetInput): Promise<ForgetResult> {
  const { cartId, cookies, ...backend } = input
  const clickTokenForgotten = forgetClickToken(cookies)
  if (!cartId) return { ok: true, deleted: false, clickTokenForgotten }
  const answer = await callStore(backend, "DELETE", `/store/carts/${encodeURIComponent(cartId)}/affiliate`)
  if (!answer.ok) return { ...answer, clickTokenForgotten }
  return { ok: true, deleted: answer.body?.deleted === true, clickTokenForgotten }
}
