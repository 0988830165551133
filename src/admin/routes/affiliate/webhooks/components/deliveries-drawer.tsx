import { Badge, Button, createDataTableColumnHelper, Drawer, Text } from "@medusajs/ui"
import type { AdminWebhook, AdminWebhookDelivery } from "../../../../../types/http"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { StaticTable } from "../../../../components/static-table"
import { useWebhookDeliveries } from "../../../../hooks/api/webhooks"
import { formatDate } from "../../../../lib/format"

const column = createDataTableColumnHelper<AdminWebhookDelivery>()
const COLORS = { delivered: "green", pending: "orange", failed: "red" } as const

/** A webhook's deliveries: each event, its status, its tries and what the receiver answered last. */
export const DeliveriesDrawer = ({ webhook, onClose }: { webhook: AdminWebhook; onClose: () => void }) => {
  const deliveries = useWebhookDeliveries(webhook.id)
  const columns = [
    column.accessor("created_at", { header: "Event at", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("event_type", { header: "Event", cell: ({ getValue }) => <code className="font-mono">{getValue()}</code> }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <Badge size="2xsmall" color={COLORS[getValue()]}>{getValue()}</Badge> }),
    column.accessor("attempt_count", { header: "Tries", cell: ({ row }) => `${row.original.attempt_count} / ${row.original.max_attempts}` }),
    column.accessor("attempts", {
      header: "Last answer",
      cell: ({ getValue }) => {
        const last = [...getValue()].sort((a, b) => a.created_at.localeCompare(b.created_at)).pop()
        return last ? (last.http_status !== null ? `HTTP ${last.http_status}` : last.error ?? "-") : "-"
      },
    }),
    column.accessor("next_attempt_at", { header: "Next try", cell: ({ row }) => (row.original.status === "pending" ? formatDate(row.original.next_attempt_at) : "-") }),
  ]
  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Deliveries</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <Text size="small" className="break-all">{webhook.url}</Text>
          {webhook.status === "disabled" && <Text size="small" className="text-ui-fg-error">{webhook.disabled_reason}</Text>}
          {deliveries.isLoading && <LoadingState rows={4} />}
          {deliveries.isError && <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />}
          <div className="-mx-6">
            <StaticTable rows={deliveries.data?.deliveries} columns={columns} isLoading={deliveries.isLoading} empty={{ heading: "No deliveries yet", description: "Events it asked for appear here." }} />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">Close</Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
