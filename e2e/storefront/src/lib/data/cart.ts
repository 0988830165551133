"use server"

import { storeApi } from "@lib/config"
import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { syncAffiliateAtCheckout, syncAffiliateAttribution } from "./affiliate"
import { getCartId, removeCartId, setCartId } from "./cookies"
import { getRegion } from "./regions"

type Cart = { id: string; region_id: string; completed_at?: string | null }

async function retrieveCart(): Promise<Cart | null> {
  const id = await getCartId()
  if (!id) return null
  return storeApi<{ cart: Cart }>(`/store/carts/${id}?fields=id,region_id,completed_at`)
    .then(({ cart }) => (cart.completed_at ? null : cart))
    .catch(() => null)
}

export async function getOrSetCart(countryCode: string) {
  const region = await getRegion(countryCode)
  if (!region) throw new Error(`Region not found for country code: ${countryCode}`)
  let cart = await retrieveCart()
  if (!cart) {
    cart = (await storeApi<{ cart: Cart }>("/store/carts", { method: "POST", body: { region_id: region.id } })).cart
    await setCartId(cart.id)
  }
  return cart
}

export async function addToCart({ variantId, quantity, countryCode }: { variantId: string; quantity: number; countryCode: string }) {
  if (!variantId) throw new Error("Missing variant ID when adding to cart")

  const cart = await getOrSetCart(countryCode)

  if (!cart) throw new Error("Error retrieving or creating cart")

  await syncAffiliateAttribution()

  await storeApi(`/store/carts/${cart.id}/line-items`, { method: "POST", body: { variant_id: variantId, quantity } })
  revalidatePath(`/${countryCode}`, "layout")
}

const ADDRESS = {
  first_name: "Sam",
  last_name: "Shopper",
  address_1: "1 Main Street",
  city: "Springfield",
  province: "il",
  postal_code: "62701",
  country_code: "us",
  phone: "+15555550100",
}

/** The checkout, condensed: email and addresses, the first shipping option, the system payment, complete. */
export async function placeOrder(countryCode: string, cartId?: string) {
  const id = cartId || (await getCartId())

  if (!id) {
    throw new Error("No existing cart found when placing an order")
  }

  await syncAffiliateAtCheckout(id)

  await storeApi(`/store/carts/${id}`, {
    method: "POST",
    body: { email: "shopper@example.com", shipping_address: ADDRESS, billing_address: ADDRESS },
  })
  const { shipping_options } = await storeApi<{ shipping_options: { id: string }[] }>(`/store/shipping-options?cart_id=${id}`)
  await storeApi(`/store/carts/${id}/shipping-methods`, { method: "POST", body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await storeApi<{ payment_collection: { id: string } }>("/store/payment-collections", {
    method: "POST",
    body: { cart_id: id },
  })
  await storeApi(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    method: "POST",
    body: { provider_id: "pp_system_default" },
  })
  const completed = await storeApi<{ type: string; order?: { id: string } }>(`/store/carts/${id}/complete`, { method: "POST" })
  if (completed.type !== "order" || !completed.order) throw new Error(`The cart did not become an order: ${JSON.stringify(completed)}`)
  await removeCartId()
  redirect(`/${countryCode}/order/${completed.order.id}/confirmed`)
}
