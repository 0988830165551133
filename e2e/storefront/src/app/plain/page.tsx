import PlainStorefront from "@modules/plain/plain-storefront"

// A storefront that runs only in the browser: no middleware, no server actions. It reaches the
// backend directly (the backend's STORE_CORS lists this origin).
export const dynamic = "force-dynamic"

export default function PlainPage() {
  return (
    <PlainStorefront
      backend={{ backendUrl: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL, publishableKey: process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY }}
    />
  )
}
