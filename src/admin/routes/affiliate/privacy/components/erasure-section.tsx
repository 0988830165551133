import { Button, Container, createDataTableColumnHelper, Heading, Input, Label, RadioGroup, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import type { AdminErasure } from "../../../../../types/http"
import { ErrorState } from "../../../../components/page-state"
import { useCreateErasure, useErasures } from "../../../../hooks/api/privacy"
import { errorMessage, formatDate } from "../../../../lib/format"
import { StaticTable } from "../../../../components/static-table"

const column = createDataTableColumnHelper<AdminErasure>()

const columns = [
  column.accessor("created_at", { header: "Erased", cell: ({ getValue }) => formatDate(getValue()) }),
  column.accessor("scope", { header: "Asked by", cell: ({ getValue }) => (getValue() === "email" ? "Email" : "Order ID") }),
  column.accessor("orders_matched", { header: "Orders" }),
  column.accessor("conversions_cleared", { header: "Conversions" }),
  column.accessor("clicks_cleared", { header: "Clicks" }),
  column.accessor("request_logs_deleted", { header: "Request-log entries" }),
]

/**
 * Erasure on request (GDPR art. 17): the shopper named by an order id or their email. The list
 * below shows what each erasure did, never whom it was for.
 */
export const ErasureSection = () => {
  const [by, setBy] = useState<"email" | "order_id">("email")
  const [value, setValue] = useState("")
  const erasures = useErasures()
  const erase = useCreateErasure()
  const prompt = usePrompt()

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const confirmed = await prompt({
      title: "Erase this shopper's affiliate data?",
      description:
        "User agents, IP hashes, referrers, landing URLs, click tokens, consent records and request-log entries of their orders are " +
        "deleted for good. Conversions keep their amounts and commission. This cannot be undone.",
      confirmText: "Erase",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    erase.mutate(by === "email" ? { email: value.trim() } : { order_id: value.trim() }, {
      onSuccess: ({ matched, message }) => {
        if (!matched) {
          toast.warning(message)
          return
        }
        toast.success(message)
        setValue("")
      },
      onError: (err) => toast.error(errorMessage(err)),
    })
  }

  return (
    <Container className="divide-y p-0">
      <section aria-label="Erasure on request">
        <form onSubmit={submit} className="flex flex-col gap-y-3 px-6 py-4">
          <div>
            <Heading level="h2">Erasure on request</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Erase what the plugin holds about one shopper, by one order or by the email on their orders. What an affiliate is
              owed stays.
            </Text>
          </div>
          <RadioGroup value={by} onValueChange={(v) => setBy(v as "email" | "order_id")} className="flex gap-x-4" aria-label="Shopper named by">
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="email" id="erase-by-email" />
              <Label htmlFor="erase-by-email">Email</Label>
            </div>
            <div className="flex items-center gap-x-2">
              <RadioGroup.Item value="order_id" id="erase-by-order" />
              <Label htmlFor="erase-by-order">Order ID</Label>
            </div>
          </RadioGroup>
          <div className="flex items-end gap-x-2">
            <div className="flex flex-1 flex-col gap-y-1">
              <Label htmlFor="erase-value">{by === "email" ? "Customer email" : "Order ID"}</Label>
              <Input
                id="erase-value"
                type={by === "email" ? "email" : "text"}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder={by === "email" ? "shopper@example.com" : "order_01…"}
              />
            </div>
            <Button type="submit" variant="danger" isLoading={erase.isPending} disabled={!value.trim()}>
              Erase…
            </Button>
          </div>
        </form>
        {erasures.isError ? (
          <ErrorState error={erasures.error} onRetry={() => erasures.refetch()} />
        ) : (
          <StaticTable
            rows={erasures.data?.erasures}
            columns={columns}
            isLoading={erasures.isLoading}
            empty={{ heading: "No erasure yet", description: "Each erasure is listed here with its counts, never with whom it was for." }}
          />
        )}
      </section>
    </Container>
  )
}
