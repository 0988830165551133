import { Button, Checkbox, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { CopyField } from "../../../../components/copy-button"
import { useCreateWebhook } from "../../../../hooks/api/webhooks"
import { errorMessage } from "../../../../lib/format"

export const WEBHOOK_EVENTS = [
  "affiliate.application.created",
  "affiliate.affiliate.approved",
  "affiliate.conversion.created",
  "affiliate.conversion.updated",
  "affiliate.payout.paid",
]

/** A new webhook: its URL and events; the signing secret is shown once, right after. */
export const CreateWebhook = () => {
  const create = useCreateWebhook()
  const [url, setUrl] = useState("")
  const [events, setEvents] = useState<string[]>(["affiliate.conversion.created"])
  const [secret, setSecret] = useState<string | null>(null)
  const submit = () =>
    create.mutate(
      { url: url.trim(), events },
      {
        onSuccess: ({ webhook }) => {
          setSecret(webhook.secret)
          setUrl("")
          toast.success("Webhook created: copy its secret now")
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Add a webhook</Heading>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="webhook-url" size="small">Endpoint URL</Label>
        <Input id="webhook-url" placeholder="https://crm.example.com/hooks/affiliate" value={url} onChange={(e) => setUrl(e.target.value)} />
      </div>
      <fieldset className="flex flex-col gap-y-1">
        <legend className="txt-compact-small-plus">Events</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <div key={e} className="flex items-center gap-x-2">
            <Checkbox id={`event-${e}`} checked={events.includes(e)} onCheckedChange={(v) => setEvents(v === true ? [...events, e] : events.filter((x) => x !== e))} />
            <Label htmlFor={`event-${e}`} size="small"><code className="font-mono">{e}</code></Label>
          </div>
        ))}
      </fieldset>
      <div>
        <Button size="small" onClick={submit} isLoading={create.isPending} disabled={!url.trim() || !events.length}>Add webhook</Button>
      </div>
      {secret && (
        <div className="flex flex-col gap-y-1" data-testid="webhook-secret">
          <CopyField label="Signing secret (shown once)" value={secret} />
          <Text size="xsmall" className="text-ui-fg-subtle">Verify each delivery's Affiliate-Signature header with it (see the README). It is not shown again.</Text>
        </div>
      )}
    </Container>
  )
}
