import type { AdminSignalCode } from "../../types/http"

/** What each fraud signal is called on the dashboard. */
export const SIGNAL_LABELS: Record<AdminSignalCode, string> = {
  self_referral_email: "Own email",
  self_referral_ip: "Own IP address",
  fast_conversion: "Fast conversion",
  ip_velocity: "Many orders from one IP",
  disposable_email: "Disposable email",
  leaked_code: "Leaked code",
  paid_search: "Paid search ad",
}

/** The breakdown dimensions, as the dashboard names them. */
export const DIMENSION_LABELS = { country: "Country", device: "Device", referrer: "Referring site" } as const
