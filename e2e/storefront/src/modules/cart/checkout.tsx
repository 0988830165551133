"use client"

import { placeOrder } from "@lib/data/cart"
import { useState } from "react"

export default function Checkout({ countryCode }: { countryCode: string }) {
  const [placing, setPlacing] = useState(false)
  return (
    <button
      disabled={placing}
      onClick={async () => {
        setPlacing(true)
        await placeOrder(countryCode)
      }}
    >
      Place order
    </button>
  )
}
