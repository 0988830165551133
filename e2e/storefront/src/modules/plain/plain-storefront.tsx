"use client"

import { keepClickToken, shareAffiliate } from "@lib/browser-affiliate"
import type { AffiliateBackend } from "medusa-plugin-affiliate-s2s/storefront"
import { useEffect, useState } from "react"

export default function PlainStorefront({ backend }: { backend: AffiliateBackend }) {
  const [cartId, setCartId] = useState<string | null>(null)
  const [shared, setShared] = useState<string>("")
  useEffect(() => keepClickToken(), [])

  const store = async (path: string, body?: unknown) => {
    const res = await fetch(`${backend.backendUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": backend.publishableKey ?? "" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return res.json()
  }

  const addToCart = async () => {
    const { regions } = await store("/store/regions")
    const { products } = await store("/store/products?fields=id,*variants")
    const { cart } = await store("/store/carts", { region_id: regions[0].id })
    await store(`/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
    const result = await shareAffiliate(backend, cart.id)
    setCartId(cart.id)
    setShared(result.ok ? "ok" : result.reason)
  }

  const accept = async () => {
    const result = await shareAffiliate(backend, cartId!, "granted")
    setShared(result.ok ? `ok:${result.attribution.consent}` : result.reason)
  }

  return (
    <section>
      <h1>Browser-only storefront</h1>
      <button onClick={addToCart}>Add to cart</button>
      {cartId && (
        <>
          <p data-cart-id={cartId}>Cart {cartId}</p>
          <button onClick={accept}>Accept affiliate tracking</button>
        </>
      )}
      <p data-shared={shared}>{shared}</p>
    </section>
  )
}
