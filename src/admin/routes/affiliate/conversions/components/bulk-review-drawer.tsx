import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminConversion } from "../../../../../types/http"
import { useReviewConversions } from "../../../../hooks/api/conversions"
import { useCampaignNames } from "../../../../hooks/use-names"
import { type BulkReviewOutcome, countsMessage } from "../../../../lib/bulk-review"
import { errorMessage } from "../../../../lib/format"

type BulkReviewDrawerProps = {
  status: "approved" | "rejected"
  conversions: AdminConversion[]
  /** The review ran: the selection is done with. */
  onDone: () => void
  onClose: () => void
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/**
 * Approve or reject the selected conversions with one reason (required to reject), then what
 * happened: the counts, and each row that failed with the API's words for why.
 */
export const BulkReviewDrawer = ({ status, conversions, onDone, onClose }: BulkReviewDrawerProps) => {
  const [reason, setReason] = useState("")
  const [outcome, setOutcome] = useState<BulkReviewOutcome | null>(null)
  const review = useReviewConversions()
  const campaignName = useCampaignNames()
  const verb = status === "approved" ? "Approve" : "Reject"
  const perCampaign = new Map<string, number>()
  for (const c of conversions) perCampaign.set(c.campaign_id, (perCampaign.get(c.campaign_id) ?? 0) + 1)
  const byCampaign = [...perCampaign].map(([id, n]) => `${campaignName.get(id) ?? id} (${n})`)

  const submit = () => {
    if (status === "rejected" && !reason.trim()) {
      toast.error("Give a reason for the rejection")
      return
    }
    review.mutate(
      { conversions, review: { status, ...(reason.trim() ? { reason: reason.trim() } : {}) } },
      {
        onSuccess: (result) => {
          setOutcome(result)
          onDone()
          if (result.counts.failed) toast.warning(countsMessage(result.counts))
          else toast.success(countsMessage(result.counts))
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  }

  return (
    <Drawer open onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>
            {verb} {plural(conversions.length, "conversion")}
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">
            In {plural(byCampaign.length, "campaign")}: {byCampaign.join(", ")}. Each campaign's are validated in one call, by order id.
            {status === "rejected"
              ? " A rejected conversion earns nothing; a paid one becomes a negative adjustment in the affiliate's next payout."
              : " Approved conversions are paid in the next payout."}
          </Text>
          {!outcome ? (
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="bulk-review-reason" size="small" weight="plus">
                {status === "rejected" ? "Reason" : "Reason (optional)"}
              </Label>
              <Textarea
                id="bulk-review-reason"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                placeholder={status === "rejected" ? "e.g. Returned within 30 days" : "e.g. Delivered and kept"}
              />
              <Text size="xsmall" className="text-ui-fg-subtle">
                Kept in each conversion's history.
              </Text>
            </div>
          ) : (
            <div className="flex flex-col gap-y-3" role="status" data-testid="bulk-review-outcome">
              <Text size="small" weight="plus">
                {countsMessage(outcome.counts)}
              </Text>
              {outcome.failures.length > 0 && (
                <ul className="flex flex-col gap-y-2" aria-label="Failed rows">
                  {outcome.failures.map((f, i) => (
                    <li key={`${f.order_id}-${i}`} className="bg-ui-bg-subtle rounded-md px-3 py-2">
                      <code className="txt-compact-small-plus font-mono">{f.order_id}</code>
                      <Text size="small" className="text-ui-fg-subtle">
                        {f.message}
                      </Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {outcome ? "Close" : "Cancel"}
            </Button>
          </Drawer.Close>
          {!outcome && (
            <Button size="small" variant={status === "rejected" ? "danger" : "primary"} onClick={submit} isLoading={review.isPending}>
              {verb} {plural(conversions.length, "conversion")}
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
