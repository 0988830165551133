import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import type { StatsPeriod } from "../../../../../../types/http"
import { ErrorState, LoadingState } from "../../../../../components/page-state"
import { PeriodTabs, Stat } from "../../../../../components/stats"
import { useAffiliateStats } from "../../../../../hooks/api/affiliate-program"
import { formatMoney } from "../../../../../lib/format"
import { TrafficBreakdown } from "../../../../../components/traffic-breakdown"

const moneyList = (amounts: { currency_code: string; amount: string }[]) =>
  amounts.length ? amounts.map((a) => formatMoney(a.amount, a.currency_code)).join(" · ") : formatMoney(0, "usd")

/** The affiliate's figures over 7, 30 or 90 days and their balance: what their statement shows. */
export const AffiliateFigures = ({ affiliateId }: { affiliateId: string }) => {
  const [days, setDays] = useState<StatsPeriod>(30)
  const stats = useAffiliateStats(affiliateId, days)
  const series = stats.data?.series ?? []
  const clicks = series.reduce((a, p) => a + p.clicks, 0)
  const uniqueClicks = series.reduce((a, p) => a + (p.unique_clicks ?? 0), 0)
  const conversions = series.reduce((a, p) => a + p.conversions, 0)
  const currencies = [...new Set(series.flatMap((p) => Object.keys(p.commission)))]
  // Display only: the API's figures are exact decimal strings.
  const commission = currencies.map((c) => ({ currency_code: c, amount: String(series.reduce((a, p) => a + Number(p.commission[c] ?? 0), 0)) }))
  return (
    <>
    <Container className="flex flex-col gap-y-4">
      <section aria-label="Figures" className="flex flex-col gap-y-4">
        <div className="flex items-center justify-between">
          <Heading level="h2">Figures</Heading>
          <PeriodTabs value={days} onChange={setDays} />
        </div>
        {stats.isLoading ? (
          <LoadingState rows={2} />
        ) : stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
              <Stat label={`Clicks (${days} days)`} value={String(clicks)} />
              <Stat label="Unique clicks" value={String(uniqueClicks)} />
              <Stat label={`Conversions (${days} days)`} value={String(conversions)} />
              <Stat label={`Commission (${days} days)`} value={moneyList(commission)} />
              <Stat label="Balance (approved, unpaid)" value={moneyList(stats.data?.balance ?? [])} />
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              All time: {stats.data?.totals.clicks ?? 0} clicks ({stats.data?.totals.unique_clicks ?? 0} unique), {stats.data?.totals.conversions ?? 0} conversions,{" "}
              {moneyList(stats.data?.totals.commission ?? [])} commission. The statement link shows the affiliate the same figures.
            </Text>
          </>
        )}
      </section>
    </Container>
    <TrafficBreakdown owner="affiliates" id={affiliateId} days={days} />
    </>
  )
}
