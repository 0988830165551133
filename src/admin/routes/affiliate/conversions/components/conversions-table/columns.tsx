import { Badge, Button, Checkbox, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useSearchParams } from "react-router-dom"
import type { AdminConversion } from "../../../../../../types/http"
import { ConversionStatusBadge } from "../../../../../components/badges"
import { useAffiliateNames, useCampaignNames } from "../../../../../hooks/use-names"
import { formatMoney } from "../../../../../lib/format"
import { DateTimeCell } from "../../../../../components/date-time-cell"
import { actionsColumn } from "../../../../../components/actions-column"

const columnHelper = createDataTableColumnHelper<AdminConversion>()

const SOURCE_LABEL: Record<AdminConversion["source"], string> = { s2s: "S2S API", store: "Store", coupon: "Code" }

type ConversionColumnsProps = {
  onApprove: (conversion: AdminConversion) => void
  onReject: (conversion: AdminConversion) => void
  /** A review is running: the buttons wait. */
  reviewing: boolean
}

/** The page's address with `conversion=<id>`: the conversion's drawer, which a reload or a shared link reopens. */
function useConversionHref() {
  const [params] = useSearchParams()
  return useMemo(
    () => (id: string) => {
      const next = new URLSearchParams(params)
      next.set("conversion", id)
      return `?${next}`
    },
    [params]
  )
}

/** A value that may be cut: the whole of it in the title (and in the table's own tooltip). */
const Cut = ({ value }: { value: string }) => (
  <span title={value} className="block max-w-[140px] truncate">
    {value}
  </span>
)

/*
 * Fits a 1440 px window beside the sidebar: the date on two lines, the source above live or test,
 * and long order ids and names cut (whole in a tooltip and a title).
 */
export function useConversionTableColumns({ onApprove, onReject, reviewing }: ConversionColumnsProps) {
  const conversionHref = useConversionHref()
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
      columnHelper.accessor("created_at", {
        header: "Date",
        cell: ({ getValue }) => <DateTimeCell value={getValue()} />,
      }),
      columnHelper.accessor("order_id", {
        header: "Order",
        // The link is cut itself, with its title: no cell tooltip, which would also catch the Escape meant for the drawer.
        truncateTooltip: false,
        // Opens the conversion: its items, their rules and its history.
        cell: ({ row }) => (
          <Link
            to={conversionHref(row.original.id)}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover block max-w-[150px] truncate rounded-sm outline-none focus-visible:shadow-borders-focus"
            aria-label={`Open conversion ${row.original.order_id}`}
            title={row.original.order_id}
          >
            <code className="font-mono" data-order-id={row.original.order_id}>
              {row.original.order_id}
            </code>
          </Link>
        ),
      }),
      // Names are looked up in `cell`: the table caches accessor values per row, and they load later.
      columnHelper.accessor("campaign_id", {
        header: "Campaign",
        cell: ({ getValue }) => <Cut value={campaignName.get(getValue()) ?? getValue()} />,
      }),
      columnHelper.accessor("affiliate_id", {
        header: "Affiliate",
        cell: ({ getValue }) => <Cut value={affiliateName.get(getValue()) ?? getValue()} />,
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
        truncateTooltip: false,
        cell: ({ row }) => (
          <div className="flex flex-col items-start gap-y-1 py-2">
            {/* A long promotion code is cut: the column keeps its width, the title holds the whole code. */}
            <Badge
              size="2xsmall"
              className="max-w-[104px]"
              title={row.original.promotion_code ? `Credited by the promotion code ${row.original.promotion_code}` : undefined}
            >
              <span className="truncate">
                {SOURCE_LABEL[row.original.source]}
                {row.original.promotion_code ? ` ${row.original.promotion_code}` : ""}
              </span>
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
        truncateTooltip: false,
        cell: ({ row }) => (
          <div className="flex flex-col items-start py-2">
            <ConversionStatusBadge status={row.original.status} />
            {row.original.flagged && row.original.status === "pending" && (
              <Badge size="2xsmall" color="orange" className="mt-1" title="A fraud signal holds it: see the Review queue">
                Held for review
              </Badge>
            )}
            {row.original.status_reason && (
              <span className="txt-compact-xsmall text-ui-fg-subtle whitespace-normal break-words">{row.original.status_reason}</span>
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
    [conversionHref, campaignName, affiliateName, onApprove, onReject, reviewing]
  )
}
