import { StatusBadge } from "@medusajs/ui"
import { capitalize } from "../lib/format"
import type { AffiliateStatus, CampaignStatus, ConversionStatus, PayoutStatus, RequestOutcome } from "../../types/http"

type Color = "green" | "red" | "orange" | "blue" | "purple" | "grey"

const CONVERSION: Record<ConversionStatus, Color> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
  paid: "blue",
  reversed: "grey",
}
const CAMPAIGN: Record<CampaignStatus, Color> = { active: "green", paused: "orange", archived: "grey" }
const OUTCOME: Record<RequestOutcome, Color> = {
  success: "green",
  duplicate: "blue",
  skipped: "orange",
  error: "red",
}

export const ConversionStatusBadge = ({ status }: { status: ConversionStatus }) => (
  <StatusBadge color={CONVERSION[status] ?? "grey"}>{capitalize(status)}</StatusBadge>
)
export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => (
  <StatusBadge color={CAMPAIGN[status] ?? "grey"}>{capitalize(status)}</StatusBadge>
)
export const OutcomeBadge = ({ outcome }: { outcome: RequestOutcome }) => (
  <StatusBadge color={OUTCOME[outcome] ?? "grey"}>{capitalize(outcome)}</StatusBadge>
)
export const AffiliateStatusBadge = ({ status }: { status: AffiliateStatus }) => (
  <StatusBadge color={status === "active" ? "green" : "orange"}>{capitalize(status)}</StatusBadge>
)

export const PayoutStatusBadge = ({ status }: { status: PayoutStatus }) => (
  <StatusBadge color={status === "paid" ? "green" : "orange"}>{capitalize(status)}</StatusBadge>
)
