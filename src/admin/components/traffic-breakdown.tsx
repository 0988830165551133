import { Container, createDataTableColumnHelper, Heading, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import type { AdminBreakdownDimension, AdminBreakdownRow } from "../../types/http"
import { useBreakdown } from "../hooks/api/trust"
import { formatMoney } from "../lib/format"
import { DIMENSION_LABELS } from "../lib/signals"
import { BarChart } from "./bar-chart"
import { ErrorState, LoadingState } from "./page-state"
import { StaticTable } from "./static-table"

const column = createDataTableColumnHelper<AdminBreakdownRow & { id: string }>()
const columns = [
  column.accessor("key", { header: "Key" }),
  column.accessor("clicks", { header: "Clicks", align: "right" }),
  column.accessor("unique_clicks", { header: "Unique clicks", align: "right" }),
  column.accessor("conversions", { header: "Conversions", align: "right" }),
  column.accessor("commission", {
    header: "Commission",
    align: "right",
    cell: ({ getValue }) => (getValue().length ? getValue().map((c) => formatMoney(c.amount, c.currency_code)).join(" · ") : "-"),
  }),
]

/** How many keys the chart shows; the table lists them all. */
const CHART_ROWS = 10

/**
 * Where a campaign's or an affiliate's traffic came from over the page's period: clicks, unique
 * clicks, conversions and commission by country (from the CDN's header), device or referring site.
 */
export const TrafficBreakdown = ({ owner, id, days }: { owner: "campaigns" | "affiliates"; id: string; days: number }) => {
  const [by, setBy] = useState<AdminBreakdownDimension>("country")
  const breakdown = useBreakdown(owner, id, by, days)
  const rows = breakdown.data?.rows ?? []
  return (
    <Container className="flex flex-col gap-y-4" aria-label="Where traffic comes from">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h2">Where traffic comes from</Heading>
        <Tabs value={by} onValueChange={(v) => setBy(v as AdminBreakdownDimension)}>
          <Tabs.List>
            {(Object.keys(DIMENSION_LABELS) as AdminBreakdownDimension[]).map((d) => (
              <Tabs.Trigger key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
      </div>
      {breakdown.isLoading ? (
        <LoadingState rows={4} />
      ) : breakdown.isError ? (
        <ErrorState error={breakdown.error} onRetry={() => breakdown.refetch()} />
      ) : rows.length ? (
        <>
          <BarChart
            title={`${DIMENSION_LABELS[by]}: the last ${days} days`}
            rows={rows.slice(0, CHART_ROWS).map((r) => ({ label: r.key, values: [r.clicks, r.unique_clicks, r.conversions] }))}
            series={[
              { name: "Clicks", color: "#3b82f6" },
              { name: "Unique clicks", color: "#06b6d4" },
              { name: "Conversions", color: "#10b981" },
            ]}
          />
          <div className="-mx-6">
            <StaticTable rows={rows.map((r) => ({ ...r, id: r.key }))} columns={columns} isLoading={false} empty={{ heading: "No traffic", description: "" }} />
          </div>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          No clicks or conversions in the last {days} days.
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        Country comes from your CDN's header (Cloudflare, CloudFront, Vercel, or the countryHeader option); "unknown" without one. "direct": no referring site.
      </Text>
    </Container>
  )
}
