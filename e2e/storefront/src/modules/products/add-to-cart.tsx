"use client"

import { addToCart } from "@lib/data/cart"
import { useState } from "react"

export default function AddToCart({ variantId, countryCode }: { variantId: string; countryCode: string }) {
  const [state, setState] = useState<"idle" | "adding" | "added" | "failed">("idle")
  const add = async () => {
    setState("adding")
    try {
      await addToCart({ variantId, quantity: 1, countryCode })
      setState("added")
    } catch {
      setState("failed")
    }
  }
  return (
    <div>
      <button onClick={add} disabled={state === "adding"}>
        Add to cart
      </button>
      {state === "added" && <p role="status">Added to cart</p>}
      {state === "failed" && <p role="alert">Could not add to cart</p>}
    </div>
  )
}
