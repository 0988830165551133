import { Button, Checkbox, Input, Label, Prompt, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useRegenerateApiKey } from "../hooks/api/campaigns"
import { errorMessage } from "../lib/format"

const MAX_GRACE_HOURS = 720

/**
 * The seed's "Regenerate API Key" checkbox and warning. Checking it asks for confirmation (with an
 * optional grace period for the old key) and regenerates at once: it is independent of the
 * campaign form's Save, so an unfinished edit elsewhere in the form never blocks it.
 */
export const RegenerateApiKey = ({ campaignId }: { campaignId: string }) => {
  const [confirming, setConfirming] = useState(false)
  const [graceHours, setGraceHours] = useState("0")
  const regenerate = useRegenerateApiKey()
  const grace = Number(graceHours || 0)
  const graceValid = Number.isFinite(grace) && grace >= 0 && grace <= MAX_GRACE_HOURS

  const close = () => {
    setConfirming(false)
    setGraceHours("0")
  }

  const confirm = () => {
    if (!graceValid) {
      toast.error(`The grace period must be 0 to ${MAX_GRACE_HOURS} hours`)
      return
    }
    regenerate.mutate(
      { id: campaignId, grace_period_hours: grace },
      {
        onSuccess: () => {
          toast.success("API key regenerated")
          close()
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  }

  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-lg p-4">
      <div className="flex items-center gap-x-2">
        <Checkbox
          id="regenerate-key"
          checked={confirming}
          onCheckedChange={(checked) => (checked === true ? setConfirming(true) : close())}
        />
        <Label htmlFor="regenerate-key" size="small" weight="plus">
          Regenerate API Key
        </Label>
      </div>
      <Text size="xsmall" className="text-ui-fg-error">
        Warning: regenerating invalidates the current key. Update all systems using the old key.
      </Text>
      <Prompt open={confirming} onOpenChange={(open) => !open && !regenerate.isPending && close()}>
        <Prompt.Content>
          <Prompt.Header>
            <Prompt.Title>Regenerate the API key?</Prompt.Title>
            <Prompt.Description>
              {graceValid && grace > 0
                ? `A new key is issued now; the current key keeps working for ${grace} hours, then stops. Update all systems using the old key.`
                : "A new key is issued now and the current key stops working at once. Update all systems using the old key."}
            </Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-1 px-6 pt-4">
            <Label htmlFor="grace-period" size="xsmall">
              Grace period (hours): the old key keeps working this long (0 stops it at once)
            </Label>
            <Input
              id="grace-period"
              type="number"
              min={0}
              max={MAX_GRACE_HOURS}
              value={graceHours}
              onChange={(e) => setGraceHours(e.target.value)}
            />
          </div>
          <Prompt.Footer>
            <Prompt.Cancel disabled={regenerate.isPending}>Cancel</Prompt.Cancel>
            <Button size="small" variant="danger" isLoading={regenerate.isPending} onClick={confirm}>
              Regenerate
            </Button>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </div>
  )
}
