"use client"

import { answerAffiliateConsent } from "@lib/data/affiliate"
import { awaitsConsent, type Consent } from "medusa-plugin-affiliate-s2s/storefront"
import { useEffect, useState } from "react"

/** Asks once, and only when a partner's click waits for an answer; the answer is kept in a cookie and shared with the cart. */
export default function AffiliateConsentBanner() {
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  useEffect(() => setOpen(awaitsConsent(document.cookie)), [])
  if (!open) return null

  const answer = async (consent: Consent) => {
    setSaving(true)
    await answerAffiliateConsent(consent)
    setOpen(false)
  }
  return (
    <div role="dialog" aria-label="Affiliate tracking" style={{ position: "fixed", bottom: 16, left: 16, right: 16, padding: 16, background: "#fff", border: "1px solid #ccc" }}>
      <p>May we tell the partner who sent you here about your order, so they are paid for it?</p>
      <button disabled={saving} onClick={() => answer("granted")}>Accept</button>
      <button disabled={saving} onClick={() => answer("denied")}>Decline</button>
    </div>
  )
}
