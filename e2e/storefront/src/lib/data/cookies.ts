import { cookies } from "next/headers"

// The cart cookie, under the starters' name. This test storefront is served over http, so the
// cookie is not Secure (the starters set Secure in production).
const CART_COOKIE = "_medusa_cart_id"

export async function getCartId() {
  return (await cookies()).get(CART_COOKIE)?.value
}

export async function setCartId(cartId: string) {
  ;(await cookies()).set(CART_COOKIE, cartId, { maxAge: 60 * 60 * 24 * 7, httpOnly: true, sameSite: "strict" })
}

export async function removeCartId() {
  ;(await cookies()).set(CART_COOKIE, "", { maxAge: -1 })
}
