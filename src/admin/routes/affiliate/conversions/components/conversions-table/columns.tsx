import { Badge, Button, Checkbox, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminConversion } from "../../../../../../types/http"
import { ConversionStatusBadge } from "../../../../../components/badges"
import { useAffiliateNames, useCampaignNames } from "../../../../../hooks/use-names"
import { formatDate, formatMoney } from "../../../../../lib/format"
import { actionsColumn } from "../../../../../components/actions-column"

const columnHelper = createDataTableColumnHelper<AdminConversion>()

const SOURCE_LABEL: Record<AdminConversion["source"], string> = { s2s: "S2S API", store: "Store", coupon: "Code" }

type ConversionColumnsProps = {
  /** Opens the conversion: its items, rules and history. */
  onOpen: (conversion: AdminConversion) => void
  onApprove: (conversion: AdminConversion) => void
  onReject: (conversion: AdminConversion) => void
  /** A review is running: the buttons wait. */
  reviewing: boolean
}

export function useConversionTableColumns({ onOpen, onApprove, onReject, reviewing }: ConversionColumnsProps) {
  const campaignName = useCampaignNames()
  const affiliateName = useAffiliateNames()
  return useMemo(
    () => [
      // For bulk approve and reject; the checkboxes say which order they select.
      columnHelper.select({
        header: ({ table }) => (
          <Checkbox
            aria-label="Select all conversions on this page"
            checked={table.getIsSomePageRowsSelected() ? "indeterminate" : table.getIsAllPageRowsSelected()}
            onCheckedChange={(checked) => table.toggleAllPageRowsSelected(!!checked)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={`Select order ${row.original.order_id}`}
            checked={row.getIsSelected()}
            onCheckedChange={(checked) => row.toggleSelected(!!checked)}
            onClick={(e) => e.stopPropagation()}
          />
        ),
      }),
      columnHelper.accessor("created_at", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
      columnHelper.accessor("order_id", {
        header: "Order",
        cell: ({ row }) => (
          <button
            type="button"
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover rounded-sm text-left outline-none focus-visible:shadow-borders-focus"
            aria-label={`Open conversion ${row.original.order_id}`}
            onClick={() => onOpen(row.original)}
          >
            <code className="font-mono" data-order-id={row.original.order_id}>
              {row.original.order_id}
            </code>
          </button>
        ),
      }),
      // Names are looked up in `cell`: the table caches accessor values per row, and they load later.
      columnHelper.accessor("campaign_id", {
        header: "Campaign",
        cell: ({ getValue }) => campaignName.get(getValue()) ?? getValue(),
      }),
      columnHelper.accessor("affiliate_id", {
        header: "Affiliate",
        cell: ({ getValue }) => affiliateName.get(getValue()) ?? getValue(),
      }),
      columnHelper.accessor("order_total", {
        header: "Total",
        align: "right",
        cell: ({ row }) => formatMoney(row.original.order_total, row.original.order_currency),
      }),
      columnHelper.accessor("commission_amount", {
        header: "Commission",
        align: "right",
        cell: ({ row }) => formatMoney(row.original.commission_amount, row.original.commission_currency),
      }),
      columnHelper.accessor("source", {
        header: "Source",
        cell: ({ row }) => (
          <div className="flex items-center gap-x-1">
            <Badge size="2xsmall" title={row.original.promotion_code ? `Credited by the promotion code ${row.original.promotion_code}` : undefined}>
              {SOURCE_LABEL[row.original.source]}
              {row.original.promotion_code ? ` ${row.original.promotion_code}` : ""}
            </Badge>
            {row.original.is_test ? (
              <Badge size="2xsmall" color="purple">
                Test
              </Badge>
            ) : (
              <Badge size="2xsmall" color="green">
                Live
              </Badge>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <ConversionStatusBadge status={row.original.status} />
            {row.original.status_reason && (
              <span className="txt-compact-xsmall text-ui-fg-subtle">{row.original.status_reason}</span>
            )}
          </div>
        ),
      }),
      // Test conversions are never commissionable, so there is nothing to review.
      actionsColumn<AdminConversion>((r) =>
        r.status === "pending" && !r.is_test ? (
          <div className="flex justify-end gap-x-1">
            <Button size="small" variant="secondary" onClick={() => onApprove(r)} disabled={reviewing}>
              Approve
            </Button>
            <Button size="small" variant="secondary" onClick={() => onReject(r)} disabled={reviewing}>
              Reject
            </Button>
          </div>
        ) : null
      ),
    ],
    [campaignName, affiliateName, onOpen, onApprove, onReject, reviewing]
  )
}
