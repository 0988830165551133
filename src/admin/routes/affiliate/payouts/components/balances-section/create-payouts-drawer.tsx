import { Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../../../../components/field"
import { useCreatePayouts } from "../../../../../hooks/api/payouts"
import { errorMessage } from "../../../../../lib/format"

/** "Create payouts": one per affiliate and currency whose balance is at least the minimum. */
export const CreatePayoutsDrawer = ({ onClose, onCreated }: { onClose: () => void; onCreated: (ids: string[]) => void }) => {
  const [minimum, setMinimum] = useState("")
  const [currency, setCurrency] = useState("")
  const create = useCreatePayouts()
  const submit = () =>
    create.mutate(
      { minimum_amount: minimum.trim() || undefined, currency_code: currency.trim() || undefined },
      {
        onSuccess: ({ payouts }) => {
          toast.success(payouts.length ? `${payouts.length} payout(s) created` : "No balance reaches the minimum")
          onCreated(payouts.map((p) => p.id))
          onClose()
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Create payouts</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">
            Every affiliate with a positive balance of at least the minimum gets one payout per currency. Its lines are their approved
            conversions and adjustments; its amount is their sum. Mark it paid once the transfer is made.
          </Text>
          <Field label="Minimum amount" id="payout-minimum" hint="Smaller balances wait for the next run. Empty: any positive balance.">
            <Input id="payout-minimum" inputMode="decimal" placeholder="50.00" value={minimum} onChange={(e) => setMinimum(e.target.value)} />
          </Field>
          <Field label="Currency" id="payout-currency">
            <Input id="payout-currency" maxLength={3} placeholder="All currencies" value={currency} onChange={(e) => setCurrency(e.target.value.toLowerCase())} />
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">Cancel</Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={create.isPending}>
            Create payouts
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
