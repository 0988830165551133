import { Button, Container, createDataTableColumnHelper, Heading, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { AdminBalance } from "../../../../../../types/http"
import { actionsColumn } from "../../../../../components/actions-column"
import { ErrorState } from "../../../../../components/page-state"
import { StaticTable } from "../../../../../components/static-table"
import { useBalances, useCreatePayouts } from "../../../../../hooks/api/payouts"
import { useAffiliateNames } from "../../../../../hooks/use-names"
import { errorMessage, formatMoney } from "../../../../../lib/format"
import { CreatePayoutsDrawer } from "./create-payouts-drawer"

type Row = AdminBalance & { id: string }
const column = createDataTableColumnHelper<Row>()

/** What each affiliate is owed per currency, with "Pay out" per row and "Create payouts" for all. */
export const BalancesSection = ({ onCreated }: { onCreated: (payoutIds: string[]) => void }) => {
  const balances = useBalances()
  const create = useCreatePayouts()
  const affiliateName = useAffiliateNames()
  const [drawer, setDrawer] = useState(false)

  const payOut = (b: AdminBalance) =>
    create.mutate(
      { affiliate_id: b.affiliate_id, currency_code: b.currency_code },
      {
        onSuccess: ({ payouts }) => {
          toast.success(payouts.length ? `Payout of ${formatMoney(payouts[0].amount, b.currency_code)} created` : "Nothing to pay out")
          onCreated(payouts.map((p) => p.id))
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )

  const columns = useMemo(
    () => [
      column.accessor("affiliate_id", { header: "Affiliate", cell: ({ getValue }) => affiliateName.get(getValue()) ?? getValue() }),
      column.accessor("currency_code", { header: "Currency", cell: ({ getValue }) => getValue().toUpperCase() }),
      column.accessor("amount", {
        header: "Balance",
        cell: ({ row }) => (
          <span data-balance={`${row.original.affiliate_id}:${row.original.currency_code}`} className={Number(row.original.amount) < 0 ? "text-ui-fg-error" : undefined}>
            {formatMoney(row.original.amount, row.original.currency_code)}
          </span>
        ),
      }),
      actionsColumn<Row>((b) =>
        Number(b.amount) > 0 ? (
          <Button size="small" variant="secondary" onClick={() => payOut(b)} disabled={create.isPending}>
            Pay out
          </Button>
        ) : (
          <Text size="xsmall" className="text-ui-fg-subtle">
            Owed back: carried into the next payout
          </Text>
        )
      ),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [affiliateName, create.isPending]
  )
  const rows = (balances.data?.balances ?? []).map((b) => ({ ...b, id: `${b.affiliate_id}:${b.currency_code}` }))

  return (
    <Container className="divide-y p-0">
      <section aria-label="Balances">
        <div className="flex items-start justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h1">Balances</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Approved commission and adjustments not yet in a payout, per affiliate and currency. A negative balance (a refund after payment) is taken from the next payout.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setDrawer(true)} disabled={!rows.some((r) => Number(r.amount) > 0)}>
            Create payouts
          </Button>
        </div>
        {balances.isError ? (
          <ErrorState error={balances.error} onRetry={() => balances.refetch()} />
        ) : (
          <StaticTable
            rows={rows}
            columns={columns}
            isLoading={balances.isLoading}
            empty={{ heading: "Nothing to pay out", description: "Approved conversions appear here until they are in a payout." }}
          />
        )}
      </section>
      {drawer && <CreatePayoutsDrawer onClose={() => setDrawer(false)} onCreated={onCreated} />}
    </Container>
  )
}
