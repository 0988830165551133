import { Button, Checkbox, Container, Heading, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminProgramSettings } from "../../../../../types/http"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { useProgramSettings, useSaveProgramSettings } from "../../../../hooks/api/applications"
import { useCampaigns } from "../../../../hooks/api/campaigns"
import { errorMessage } from "../../../../lib/format"

/** Whether the program takes applications, approves them itself, its terms, and the campaigns new partners join. */
export const ProgramSettings = () => {
  const settings = useProgramSettings()
  const campaigns = useCampaigns({ limit: 100, status: ["active", "paused"] })
  const save = useSaveProgramSettings()
  // Only the unsaved edits are state: the form shows them over the saved settings, so a refetch
  // never drops what is being typed.
  const [edits, setEdits] = useState<Partial<AdminProgramSettings>>({})
  const draft = settings.data ? { ...settings.data.settings, ...edits } : null
  const edit = (change: Partial<AdminProgramSettings>) => setEdits((current) => ({ ...current, ...change }))
  const submit = () =>
    draft &&
    save.mutate(
      { ...draft, terms_url: draft.terms_url?.trim() || null },
      {
        onSuccess: () => {
          setEdits({})
          toast.success("Program settings saved")
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  const toggleCampaign = (id: string, on: boolean) =>
    draft && edit({ application_campaign_ids: on ? [...draft.application_campaign_ids, id] : draft.application_campaign_ids.filter((c) => c !== id) })

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">Partner program</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The application page is <code className="font-mono">/affiliate/apply</code> on this backend; partners log in at <code className="font-mono">/affiliate/portal</code>.
        </Text>
      </div>
      {settings.isLoading && <LoadingState rows={3} />}
      {settings.isError && <ErrorState error={settings.error} onRetry={() => settings.refetch()} />}
      {draft && (
        <>
          <div className="flex items-center gap-x-2">
            <Switch id="applications-open" checked={draft.applications_open} onCheckedChange={(v) => edit({ applications_open: v })} />
            <Label htmlFor="applications-open" size="small">Take applications</Label>
          </div>
          <div className="flex items-center gap-x-2">
            <Switch id="auto-approve" checked={draft.auto_approve} onCheckedChange={(v) => edit({ auto_approve: v })} />
            <Label htmlFor="auto-approve" size="small">Approve every confirmed application automatically</Label>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="terms-url" size="small">Program terms (URL)</Label>
            <Input id="terms-url" placeholder="https://shop.example.com/partner-terms" value={draft.terms_url ?? ""} onChange={(e) => edit({ terms_url: e.target.value })} />
          </div>
          <fieldset className="flex flex-col gap-y-1">
            <legend className="txt-compact-small-plus">Campaigns an approved partner joins</legend>
            {(campaigns.data?.campaigns ?? []).map((c) => (
              <div key={c.id} className="flex items-center gap-x-2">
                <Checkbox id={`join-${c.id}`} checked={draft.application_campaign_ids.includes(c.id)} onCheckedChange={(v) => toggleCampaign(c.id, v === true)} />
                <Label htmlFor={`join-${c.id}`} size="small">{c.name}</Label>
              </div>
            ))}
          </fieldset>
          <div>
            <Button size="small" onClick={submit} isLoading={save.isPending}>Save program settings</Button>
          </div>
        </>
      )}
    </Container>
  )
}
