import { PencilSquare, ServerStack } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import { AffiliateNav } from "../../../../components/affiliate-nav"
import { ExportButton } from "../../../../components/export-button"
import { exportUrl } from "../../../../lib/export-url"
import { CampaignStatusBadge } from "../../../../components/badges"
import { LineChart } from "../../../../components/line-chart"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { S2sSetupModal } from "../../../../components/s2s-setup-modal"
import { PeriodTabs, Stat } from "../../../../components/stats"
import { useCampaign, useCampaignSeries } from "../../../../hooks/api/campaigns"
import { CommissionPreview } from "./components/commission-preview"
import { TrafficBreakdown } from "../../../../components/traffic-breakdown"
import { CAMPAIGN_TYPE_LABELS, formatCommissionRule, formatMoney, TOOL_TYPE_LABELS } from "../../../../lib/format"
import type { StatsPeriod } from "../../../../../types/http"

/**
 * A campaign's settings, its clicks, conversions, conversion rate and commission over time, and what
 * an order would earn under its commission rules.
 */
const CampaignDetailPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const [days, setDays] = useState<StatsPeriod>(30)
  const [modalOpen, setModalOpen] = useState(false)
  const campaign = useCampaign(id)
  const stats = useCampaignSeries(id, days)

  if (campaign.isLoading) return <Container><LoadingState rows={6} /></Container>
  if (campaign.isError || !campaign.data) return <Container><ErrorState error={campaign.error} onRetry={() => campaign.refetch()} /></Container>
  const c = campaign.data.campaign
  const series = stats.data?.series ?? []
  const labels = series.map((p) => p.date)
  const currencies = [...new Set(series.flatMap((p) => Object.keys(p.commission)))]
  const currency = currencies[0] ?? c.currency_code ?? "usd"
  const sum = (f: (p: (typeof series)[number]) => number) => series.reduce((a, p) => a + f(p), 0)
  const clicks = sum((p) => p.clicks)
  const uniqueClicks = sum((p) => p.unique_clicks ?? 0)
  const filtered = sum((p) => p.filtered_clicks ?? 0)
  const conversions = sum((p) => p.conversions)
  const commission = sum((p) => Number(p.commission[currency] ?? 0))

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="flex flex-col gap-y-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Heading level="h1">{c.name}</Heading>
              <CampaignStatusBadge status={c.status} />
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {CAMPAIGN_TYPE_LABELS[c.type]} · {TOOL_TYPE_LABELS[c.tool_type]} · {formatCommissionRule(c)} commission
              {c.commission_rules.length ? ` (${c.commission_rules.length} rule${c.commission_rules.length > 1 ? "s" : ""})` : ""} ·{" "}
              {c.attribution_window_days}-day attribution window · {c.hold_days}-day hold ·{" "}
              {c.attribution_precedence === "coupon" ? "codes win over clicks" : "clicks win over codes"} ·{" "}
              {c.orders_per_click === "first" ? "first order per click" : "every order in the window"} ·{" "}
              {c.unique_click_window_minutes ? `a visitor's repeat visits within ${c.unique_click_window_minutes} min count once` : "every visit is a click"}
            </Text>
            <Text size="small" className="text-ui-fg-subtle break-all">
              Target URL: {c.target_url}
            </Text>
          </div>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setModalOpen(true)}>
              <ServerStack />
              S2S setup
            </Button>
            <Button size="small" variant="secondary" onClick={() => navigate(`/affiliate/campaigns/${c.id}/edit`)}>
              <PencilSquare />
              Edit
            </Button>
          </div>
        </div>
      </Container>
      <Container className="flex flex-col gap-y-4">
        <div className="flex items-center justify-between">
          <Heading level="h2">Performance</Heading>
          <div className="flex items-center gap-x-2">
            {/* The chosen period's clicks, as UTC days like the chart's. */}
            <ExportButton
              label="Export clicks"
              href={exportUrl("/admin/affiliate/clicks/export", {
                campaign_id: c.id,
                from: new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10),
                to: new Date().toISOString().slice(0, 10),
              })}
            />
            <PeriodTabs value={days} onChange={setDays} />
          </div>
        </div>
        {stats.isLoading ? (
          <LoadingState rows={5} />
        ) : stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
              <Stat label={`Clicks (${days} days)`} value={String(clicks)} />
              <Stat label="Unique clicks" value={String(uniqueClicks)} />
              <Stat label="Filtered (crawlers, no token)" value={String(filtered)} />
              <Stat label={`Conversions (${days} days)`} value={String(conversions)} />
              <Stat label="Conversion rate" value={`${clicks ? ((conversions / clicks) * 100).toFixed(1) : "0.0"}%`} />
              <Stat label={`Commission (${currency.toUpperCase()})`} value={formatMoney(commission, currency)} />
            </div>
            {!clicks && !conversions ? (
              <Text size="small" className="text-ui-fg-subtle">
                No clicks or conversions in the last {days} days yet: share a tracking link from the Affiliates page.
              </Text>
            ) : null}
            <LineChart
              title="Clicks and conversions"
              labels={labels}
              series={[
                { name: "Clicks", color: "#3b82f6", values: series.map((p) => p.clicks) },
                { name: "Unique clicks", color: "#06b6d4", values: series.map((p) => p.unique_clicks ?? 0) },
                { name: "Conversions", color: "#10b981", values: series.map((p) => p.conversions) },
              ]}
            />
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <LineChart
                title="Conversion rate"
                labels={labels}
                format={(v) => `${Math.round(v * 10) / 10}%`}
                series={[{ name: "Conversion rate", color: "#f59e0b", values: series.map((p) => p.conversion_rate) }]}
              />
              <LineChart
                title={`Commission (${currency.toUpperCase()})`}
                labels={labels}
                format={(v) => formatMoney(v, currency)}
                series={[{ name: "Commission", color: "#8b5cf6", values: series.map((p) => Number(p.commission[currency] ?? 0)) }]}
              />
            </div>
          </>
        )}
      </Container>
      <TrafficBreakdown owner="campaigns" id={c.id} days={days} />
      <CommissionPreview campaign={c} />
      <S2sSetupModal campaign={modalOpen ? c : null} onClose={() => setModalOpen(false)} />
    </div>
  )
}

export default CampaignDetailPage
