import { Button, createDataTableColumnHelper, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminPayoutLine, PayoutDetails } from "../../../../../types/http"
import { PayoutStatusBadge } from "../../../../components/badges"
import { ExportButton } from "../../../../components/export-button"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { StaticTable } from "../../../../components/static-table"
import { useMarkPayoutPaid, usePayout } from "../../../../hooks/api/payouts"
import { useAffiliateNames } from "../../../../hooks/use-names"
import { errorMessage, formatDate, formatMoney } from "../../../../lib/format"

const column = createDataTableColumnHelper<AdminPayoutLine>()

/** A payout's lines (what each pays for), its CSV, and "Mark paid" with the transfer's reference. */
export const PayoutDrawer = ({ id, onClose }: { id: string; onClose: () => void }) => {
  const payout = usePayout(id)
  const markPaid = useMarkPayoutPaid()
  const affiliateName = useAffiliateNames()
  const [reference, setReference] = useState("")
  const p = payout.data?.payout
  const currency = p?.currency_code ?? "usd"
  const columns = [
    column.accessor("type", { header: "Line", cell: ({ row }) => (row.original.type === "conversion" ? "Conversion" : `Adjustment: ${row.original.reason ?? ""}`) }),
    column.accessor("order_id", { header: "Order", cell: ({ getValue }) => <code className="font-mono">{getValue() ?? "-"}</code> }),
    column.accessor("occurred_at", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("amount", { header: "Amount", cell: ({ getValue }) => formatMoney(getValue(), currency) }),
  ]
  const submit = () =>
    markPaid.mutate(
      { id, reference },
      {
        onSuccess: () => toast.success("Payout marked paid: its conversions are paid"),
        onError: (e) => toast.error(errorMessage(e)),
      }
    )

  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Payout</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {payout.isLoading && <LoadingState rows={4} />}
          {payout.isError && <ErrorState error={payout.error} onRetry={() => payout.refetch()} />}
          {p && (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <Text size="small" className="text-ui-fg-subtle">{affiliateName.get(p.affiliate_id) ?? p.affiliate_id}</Text>
                  <Text size="xlarge" weight="plus" data-testid="payout-amount">{formatMoney(p.amount, p.currency_code)}</Text>
                </div>
                <PayoutStatusBadge status={p.status} />
              </div>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {p.lines.length} line(s); the amount is their sum.{p.paid_at ? ` Paid ${formatDate(p.paid_at)} with reference ${p.reference}.` : ""}
              </Text>
              <PayoutDetailsBox details={payout.data?.payout_details ?? null} />
              <div className="-mx-6">
                <StaticTable rows={p.lines} columns={columns} isLoading={false} empty={{ heading: "No lines", description: "" }} />
              </div>
              <div>
                <ExportButton href={`/admin/affiliate/payouts/${p.id}/export`} label="Export lines (CSV)" />
              </div>
              {p.status === "open" && (
                <div className="flex flex-col gap-y-2 border-t pt-4">
                  <Label htmlFor="payout-reference" size="small" weight="plus">Transfer reference</Label>
                  <Input id="payout-reference" placeholder="Bank transfer id" value={reference} onChange={(e) => setReference(e.target.value)} />
                  <Text size="xsmall" className="text-ui-fg-subtle">Marking it paid marks its conversions paid. It cannot be undone.</Text>
                </div>
              )}
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">Close</Button>
          </Drawer.Close>
          {p?.status === "open" && (
            <Button size="small" onClick={submit} isLoading={markPaid.isPending} disabled={!reference.trim()}>
              Mark paid
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** Where the partner asked to be paid, from the partner portal (stored encrypted; shown whole here only). */
const PayoutDetailsBox = ({ details }: { details: PayoutDetails | null }) => (
  <div className="bg-ui-bg-subtle rounded-md border px-4 py-3" data-testid="payout-details">
    <Text size="small" weight="plus">Pay to</Text>
    {!details && <Text size="small" className="text-ui-fg-subtle">The partner has not given payout details in the partner portal.</Text>}
    {details?.method === "paypal" && <Text size="small">PayPal: {details.paypal_email}</Text>}
    {details?.method === "bank" && (
      <Text size="small">
        Bank transfer: <code className="font-mono">{details.iban}</code>, {details.account_name}
      </Text>
    )}
    {details && <Text size="xsmall" className="text-ui-fg-subtle">Given {formatDate(details.updated_at)}</Text>}
  </div>
)
