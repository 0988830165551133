import type { AdminCampaign, CampaignToolType, CampaignType } from "../../types/http"

export const CAMPAIGN_TYPE_LABELS: Record<CampaignType, string> = {
  banner: "Banner Campaign",
  text: "Text Campaign",
  link: "Link Campaign",
  video: "Video Campaign",
}

export const TOOL_TYPE_LABELS: Record<CampaignToolType, string> = {
  sale: "Sale Integration",
  lead: "Lead Integration",
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function formatMoney(amount: number | string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "-"
  const code = (currency || "").toUpperCase()
  const value = Number(amount)
  if (!code) return String(amount)
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: code }).format(value)
  } catch {
    return `${amount} ${code}`
  }
}

export function formatCommissionRule(c: Pick<AdminCampaign, "commission_type" | "commission_value" | "currency_code">) {
  return c.commission_type === "percentage"
    ? `${Number(c.commission_value)}%`
    : formatMoney(c.commission_value, c.currency_code)
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "-"
  return new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

/** A time as its date and its time of day, for a column too narrow for both on one line. */
export function formatDateParts(value: string): [string, string] {
  const date = new Date(value)
  return [
    date.toLocaleDateString(undefined, { dateStyle: "medium" }),
    date.toLocaleTimeString(undefined, { timeStyle: "short" }),
  ]
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message
  return "Something went wrong"
}
