import { Badge, Button, createDataTableColumnHelper, Drawer, Heading, Text, toast } from "@medusajs/ui"
import type { AdminConversionChange, AdminSignalCode } from "../../../../../types/http"
import { ConversionStatusBadge } from "../../../../components/badges"
import { ConversionItems } from "../../../../components/conversion-items"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { StaticTable } from "../../../../components/static-table"
import { Stat } from "../../../../components/stats"
import { useCampaign } from "../../../../hooks/api/campaigns"
import { useConversion, useConversionHistory } from "../../../../hooks/api/conversions"
import { useAffiliateNames } from "../../../../hooks/use-names"
import { SignalList } from "../../../../components/signal-list"
import { useTrustAffiliate } from "../../../../hooks/api/trust"
import { SIGNAL_LABELS } from "../../../../lib/signals"
import { ruleName } from "../../../../lib/commission-rules"
import { capitalize, errorMessage, formatDate, formatMoney } from "../../../../lib/format"

type ChangeRow = AdminConversionChange & { id: string }
const column = createDataTableColumnHelper<ChangeRow>()

const ACTORS: Record<string, string> = { s2s: "Shop (S2S API)", store: "Store (cancel or refund)", system: "System" }
const FIELDS: Record<string, string> = {
  status: "Status",
  commission_amount: "Commission",
  order_total: "Order total",
  payout: "Payout",
  signals: "Fraud signals",
  adjustment: "Adjustment",
}
const actor = (a: string) => ACTORS[a] ?? (a.startsWith("user:") ? "Admin" : a)
/** "Status", or an item's change ("items.<sku>.status") as "TSHIRT-M status". */
function fieldLabel(field: string): string {
  const item = field.match(/^items\.(.+)\.([a-z_]+)$/)
  return item ? `${item[1]} ${item[2].replace(/_/g, " ")}` : FIELDS[field] ?? field.replace(/_/g, " ")
}

/** A conversion: its amounts, its customer, what it sold (each item's rule and commission) and every change since. */
export const ConversionDrawer = ({ id, onClose }: { id: string; onClose: () => void }) => {
  const conversion = useConversion(id)
  const history = useConversionHistory(id)
  const c = conversion.data?.conversion
  const campaign = useCampaign(c?.campaign_id)
  const affiliateName = useAffiliateNames()
  const rules = campaign.data?.campaign.commission_rules
  const items = c?.items ?? []
  const trust = useTrustAffiliate()
  // A pending conversion's signals can be lifted here too: "trust this affiliate for this signal".
  const onTrust =
    c && c.status === "pending"
      ? (code: AdminSignalCode) =>
          trust.mutate(
            { affiliateId: c.affiliate_id, code },
            { onSuccess: () => toast.success(`Affiliate trusted for "${SIGNAL_LABELS[code]}"`), onError: (e) => toast.error(errorMessage(e)) }
          )
      : undefined
  const columns = [
    column.accessor("created_at", { header: "When", size: 150, cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("actor", { header: "By", size: 120, cell: ({ getValue }) => <span title={getValue()}>{actor(getValue())}</span> }),
    column.accessor("field", {
      header: "Change",
      size: 220,
      truncateTooltip: false,
      cell: ({ row }) => (
        <span data-history-field={row.original.field} className="block whitespace-normal break-words py-2">
          {fieldLabel(row.original.field)}: {row.original.from ?? "–"} → {row.original.to ?? "–"}
        </span>
      ),
    }),
    column.accessor("reason", {
      header: "Reason",
      size: 180,
      truncateTooltip: false,
      cell: ({ getValue }) => <span className="block whitespace-normal break-words py-2">{getValue() ?? "-"}</span>,
    }),
  ]

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined} className="sm:max-w-[720px]">
        <Drawer.Header>
          <Drawer.Title>Conversion {c?.order_id ?? ""}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {conversion.isLoading && <LoadingState rows={5} />}
          {conversion.isError && <ErrorState error={conversion.error} onRetry={() => conversion.refetch()} />}
          {c && (
            <>
              <div className="flex flex-col gap-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <ConversionStatusBadge status={c.status} />
                  <Badge size="2xsmall" color={c.is_test ? "purple" : "green"}>
                    {c.is_test ? "Test" : "Live"}
                  </Badge>
                  {c.status_reason && (
                    <Text size="small" className="text-ui-fg-subtle">
                      {c.status_reason}
                    </Text>
                  )}
                </div>
                <Text size="small" className="text-ui-fg-subtle">
                  {campaign.data?.campaign.name ?? c.campaign_id} · {affiliateName.get(c.affiliate_id) ?? c.affiliate_id} · recorded {formatDate(c.created_at)}
                </Text>
              </div>
              <div className="grid grid-cols-3 gap-3">
                <Stat label="Order total" value={formatMoney(c.order_total, c.order_currency)} />
                <Stat label="Commission" value={formatMoney(c.commission_amount, c.commission_currency)} />
                <Stat label="Customer" value={c.customer_type ? capitalize(c.customer_type) : "Not known"} />
              </div>
              {/* A flat amount, or the rate of a sale reported without items, comes from one rule (or the campaign's own). */}
              {(!items.length || items.every((i) => i.commission_amount === null)) && (
                <Text size="small" data-testid="conversion-rule">
                  Commission rule: {ruleName(rules, c.commission_rule_id)}
                </Text>
              )}
              <section className="flex flex-col gap-y-2" aria-label="Signals">
                <Heading level="h3">Fraud signals</Heading>
                {c.flagged && c.status === "pending" && (
                  <Text size="small" className="text-ui-fg-subtle">
                    Held for review: the hold period will not approve it.
                  </Text>
                )}
                <SignalList signals={c.signals ?? []} onTrust={onTrust} trusting={trust.isPending} />
              </section>
              <section className="flex flex-col gap-y-2" aria-label="Items">
                <Heading level="h3">Items</Heading>
                {items.length ? (
                  <div className="-mx-6">
                    <ConversionItems items={items} rules={rules} currency={c.order_currency} commissionCurrency={c.commission_currency} />
                  </div>
                ) : (
                  <Text size="small" className="text-ui-fg-subtle">
                    Reported with its total only: no items.
                  </Text>
                )}
              </section>
              <section className="flex flex-col gap-y-2" aria-label="History">
                <Heading level="h3">History</Heading>
                {history.isError ? (
                  <ErrorState error={history.error} onRetry={() => history.refetch()} />
                ) : (
                  <div className="-mx-6">
                    <StaticTable
                      rows={history.data?.history.map((h, i) => ({ ...h, id: String(i) }))}
                      columns={columns}
                      isLoading={history.isLoading}
                      empty={{ heading: "No changes yet", description: "Its status and amounts are as recorded." }}
                    />
                  </div>
                )}
              </section>
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Close
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
