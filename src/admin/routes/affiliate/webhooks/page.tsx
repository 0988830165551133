import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, createDataTableColumnHelper, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminWebhook } from "../../../../types/http"
import { actionsColumn } from "../../../components/actions-column"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { StaticTable } from "../../../components/static-table"
import { useDeleteWebhook, useUpdateWebhook, useWebhooks } from "../../../hooks/api/webhooks"
import { errorMessage } from "../../../lib/format"
import { CreateWebhook } from "./components/create-webhook"
import { DeliveriesDrawer } from "./components/deliveries-drawer"

const column = createDataTableColumnHelper<AdminWebhook>()

/** Signed webhooks to the merchant's systems: each with its events, its status (and why it stopped) and its deliveries. */
const WebhooksPage = () => {
  const webhooks = useWebhooks()
  const update = useUpdateWebhook()
  const remove = useDeleteWebhook()
  const [open, setOpen] = useState<AdminWebhook | null>(null)
  const done = (message: string) => ({ onSuccess: () => toast.success(message), onError: (e: unknown) => toast.error(errorMessage(e)) })
  const columns = [
    column.accessor("url", { header: "URL", cell: ({ getValue }) => <span className="break-all">{getValue()}</span> }),
    column.accessor("events", { header: "Events", cell: ({ getValue }) => getValue().join(", ") }),
    column.accessor("status", {
      header: "Status",
      cell: ({ row }) =>
        row.original.status === "enabled" ? (
          <Badge size="2xsmall" color="green">Enabled</Badge>
        ) : (
          <span title={row.original.disabled_reason ?? ""}>
            <Badge size="2xsmall" color="red">Disabled</Badge> <Text as="span" size="xsmall" className="text-ui-fg-subtle">{row.original.disabled_reason}</Text>
          </span>
        ),
    }),
    actionsColumn<AdminWebhook>((w) => (
      <div className="flex gap-x-1">
        <Button size="small" variant="transparent" onClick={() => setOpen(w)}>Deliveries</Button>
        <Button size="small" variant="transparent" onClick={() => update.mutate({ id: w.id, enabled: w.status !== "enabled" }, done(w.status === "enabled" ? "Webhook disabled" : "Webhook enabled"))}>
          {w.status === "enabled" ? "Disable" : "Enable"}
        </Button>
        <Button size="small" variant="transparent" onClick={() => remove.mutate(w.id, done("Webhook deleted"))}>Delete</Button>
      </div>
    )),
  ]
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="overflow-hidden p-0">
        <div className="px-6 py-4">
          <Heading level="h1">Webhooks</Heading>
          <Text size="small" className="text-ui-fg-subtle">Each event is POSTed as JSON, signed in the Affiliate-Signature header, and retried until your endpoint answers 2xx.</Text>
        </div>
        <StaticTable rows={webhooks.data?.webhooks} columns={columns} isLoading={webhooks.isLoading} empty={{ heading: "No webhooks", description: "Add one below." }} />
      </Container>
      <CreateWebhook />
      {open && <DeliveriesDrawer key={open.id} webhook={open} onClose={() => setOpen(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Webhooks", rank: 5 })

export default WebhooksPage
