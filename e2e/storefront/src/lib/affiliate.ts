import type { AffiliateBackend } from "medusa-plugin-affiliate-s2s/storefront"

// dtc-starter names the backend NEXT_PUBLIC_MEDUSA_BACKEND_URL, nextjs-starter-medusa MEDUSA_BACKEND_URL.
export const affiliateBackend: AffiliateBackend = {
  backendUrl: process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  publishableKey: process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY,
}
