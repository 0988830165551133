import { PencilSquare, ServerStack, Trash } from "@medusajs/icons"
import { Badge, Button, createDataTableColumnHelper, IconButton, Tooltip } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import type { AdminCampaign, AdminCampaignTotals } from "../../../../../types/http"
import { CampaignStatusBadge } from "../../../../components/badges"
import { CAMPAIGN_TYPE_LABELS, formatCommissionRule, formatMoney } from "../../../../lib/format"
import { actionsColumn } from "../../../../components/actions-column"

const columnHelper = createDataTableColumnHelper<AdminCampaign>()

type CampaignColumnsProps = {
  /** Each campaign's clicks, conversions and commission; undefined while they load. */
  totals: Map<string, AdminCampaignTotals> | undefined
  onOpenSetup: (campaign: AdminCampaign) => void
  onEdit: (campaign: AdminCampaign) => void
  onDelete: (campaign: AdminCampaign) => void
}

export function useCampaignTableColumns({ totals, onOpenSetup, onEdit, onDelete }: CampaignColumnsProps) {
  return useMemo(() => {
    const count = (c: AdminCampaign, key: "clicks" | "conversions") => (totals ? totals.get(c.id)?.[key] ?? 0 : "…")
    return [
      columnHelper.accessor("name", {
        header: "Name",
        cell: ({ row }) => (
          <Link to={`/affiliate/campaigns/${row.original.id}`} className="text-ui-fg-interactive hover:underline">
            {row.original.name}
          </Link>
        ),
      }),
      columnHelper.accessor("type", { header: "Type", cell: ({ getValue }) => CAMPAIGN_TYPE_LABELS[getValue()] }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <CampaignStatusBadge status={getValue()} />,
      }),
      // Rendered from the totals in `cell`: the table caches accessor values per row.
      columnHelper.accessor("id", { id: "clicks", header: "Clicks", align: "right", cell: ({ row }) => count(row.original, "clicks") }),
      columnHelper.accessor("id", {
        id: "conversions",
        header: "Conversions",
        align: "right",
        cell: ({ row }) => count(row.original, "conversions"),
      }),
      columnHelper.accessor("commission_value", {
        header: "Commission",
        cell: ({ row }) => {
          const earned = totals?.get(row.original.id)?.commission ?? []
          return (
            <div className="flex flex-col">
              <span>{formatCommissionRule(row.original)}</span>
              {earned.length ? (
                <span className="txt-compact-xsmall text-ui-fg-subtle">
                  {earned.map((m) => formatMoney(m.amount, m.currency_code)).join(", ")} earned
                </span>
              ) : null}
            </div>
          )
        },
      }),
      columnHelper.accessor("integration_method", {
        header: "Integration Status",
        truncateTooltip: false,
        cell: ({ row }) =>
          row.original.integration_method === "s2s" && (
            <div className="flex items-center gap-x-2">
              <Badge size="2xsmall" color="blue">
                S2S API
              </Badge>
              <Tooltip content="Open S2S setup">
                <IconButton size="small" variant="transparent" aria-label="Open S2S setup" onClick={() => onOpenSetup(row.original)}>
                  <ServerStack />
                </IconButton>
              </Tooltip>
            </div>
          ),
      }),
      actionsColumn<AdminCampaign>((r) => (
        <div className="flex justify-end gap-x-1">
          <Button size="small" variant="transparent" onClick={() => onEdit(r)}>
            <PencilSquare />
            Edit
          </Button>
          <IconButton size="small" variant="transparent" aria-label={`Delete ${r.name}`} onClick={() => onDelete(r)}>
            <Trash />
          </IconButton>
        </div>
      )),
    ]
  }, [totals, onOpenSetup, onEdit, onDelete])
}
