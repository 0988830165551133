import { Tabs, Text } from "@medusajs/ui"
import type { StatsPeriod } from "../../types/http"

const PERIODS: StatsPeriod[] = [7, 30, 90]

/** One figure in a card, as the campaign and affiliate pages show them. */
export const Stat = ({ label, value }: { label: string; value: string }) => (
  <div className="shadow-elevation-card-rest flex flex-col gap-y-1 rounded-lg p-4">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus">
      {value}
    </Text>
  </div>
)

/** The 7, 30 and 90 days the stats routes answer for. */
export const PeriodTabs = ({ value, onChange }: { value: StatsPeriod; onChange: (days: StatsPeriod) => void }) => (
  <Tabs value={String(value)} onValueChange={(v) => onChange(Number(v) as StatsPeriod)}>
    <Tabs.List>
      {PERIODS.map((d) => (
        <Tabs.Trigger key={d} value={String(d)}>
          {d} days
        </Tabs.Trigger>
      ))}
    </Tabs.List>
  </Tabs>
)
