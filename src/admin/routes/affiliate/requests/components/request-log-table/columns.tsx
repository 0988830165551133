import { Badge, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminRequestLogEntry } from "../../../../../../types/http"
import { OutcomeBadge } from "../../../../../components/badges"
import { useCampaignNames } from "../../../../../hooks/use-names"
import { DateTimeCell } from "../../../../../components/date-time-cell"

const columnHelper = createDataTableColumnHelper<AdminRequestLogEntry>()

/** A value that may be cut: the whole of it in the title (and in the table's own tooltip). */
const Cut = ({ value, mono = false }: { value: string | null; mono?: boolean }) =>
  value ? (
    <span title={value} className={mono ? "font-mono" : undefined}>
      {value}
    </span>
  ) : (
    <>-</>
  )

/*
 * Fits a 1440 px window beside the sidebar without scrolling sideways. The table has a fixed layout
 * at full width, so the sizes below are proportions: they add up to about 1,000 px and grow to fill
 * the room (about 1,200 px at 1440). Long values are cut with an ellipsis and shown whole in a
 * tooltip and a title; the reason wraps instead, as it is what the log is read for.
 */
export function useRequestLogTableColumns() {
  const campaignName = useCampaignNames()
  return useMemo(
    () => [
      columnHelper.accessor("created_at", {
        header: "Time",
        size: 130,
        cell: ({ getValue }) => <DateTimeCell value={getValue()} />,
      }),
      columnHelper.accessor("source", {
        header: "Source",
        size: 100,
        truncateTooltip: false,
        cell: ({ row }) => (
          <div className="flex items-center gap-x-1">
            <span>{row.original.source === "s2s" ? `S2S ${row.original.method ?? ""}` : "Store"}</span>
            {row.original.is_test && (
              <Badge size="2xsmall" color="purple">
                Test
              </Badge>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("outcome", {
        header: "Outcome",
        size: 95,
        truncateTooltip: false,
        cell: ({ getValue }) => (
          <span data-outcome={getValue()}>
            <OutcomeBadge outcome={getValue()} />
          </span>
        ),
      }),
      columnHelper.accessor("http_status", { header: "HTTP", size: 55, cell: ({ getValue }) => getValue() ?? "-" }),
      columnHelper.accessor("reason", {
        header: "Reason",
        size: 180,
        truncateTooltip: false,
        cell: ({ getValue }) => <span className="block whitespace-normal break-words py-2">{getValue()}</span>,
      }),
      // The name is looked up in `cell`: the table caches accessor values per row, and names load later.
      columnHelper.accessor("campaign_id", {
        header: "Campaign",
        size: 120,
        cell: ({ getValue }) => {
          const id = getValue()
          return <Cut value={id ? campaignName.get(id) ?? id : null} />
        },
      }),
      columnHelper.accessor("order_id", { header: "Order", size: 130, cell: ({ getValue }) => <Cut value={getValue()} /> }),
      columnHelper.accessor("key_prefix", { header: "Key", size: 100, cell: ({ getValue }) => <Cut value={getValue()} mono /> }),
      columnHelper.accessor("request_id", {
        header: "Request ID",
        size: 100,
        cell: ({ getValue }) => (
          <span className="txt-compact-xsmall">
            <Cut value={getValue()} mono />
          </span>
        ),
      }),
    ],
    [campaignName]
  )
}
