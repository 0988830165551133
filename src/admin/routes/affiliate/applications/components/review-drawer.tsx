import { Button, Drawer, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminApplication } from "../../../../../types/http"
import { useReviewApplication } from "../../../../hooks/api/applications"
import { errorMessage, formatDate } from "../../../../lib/format"

/** An application in full; approve it (with an optional code) or reject it with a reason the applicant is told. */
export const ReviewDrawer = ({ application: a, onClose }: { application: AdminApplication; onClose: () => void }) => {
  const review = useReviewApplication()
  const [code, setCode] = useState("")
  const [reason, setReason] = useState("")
  const decide = (action: "approve" | "reject") =>
    review.mutate(
      { id: a.id, action, body: action === "approve" ? (code.trim() ? { code: code.trim() } : {}) : { reason: reason.trim() } },
      {
        onSuccess: () => {
          toast.success(action === "approve" ? "Approved: the partner was mailed a link to set a password" : "Rejected: the applicant was mailed the reason")
          onClose()
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  const open = a.status === "pending"
  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Application</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="application-details">
            <dt className="text-ui-fg-subtle">Name</dt>
            <dd>{a.name}</dd>
            <dt className="text-ui-fg-subtle">Email</dt>
            <dd>{a.email}</dd>
            <dt className="text-ui-fg-subtle">Website</dt>
            <dd>{a.website ?? "-"}</dd>
            <dt className="text-ui-fg-subtle">How they will promote</dt>
            <dd className="whitespace-pre-wrap">{a.promotion_plan}</dd>
            <dt className="text-ui-fg-subtle">Applied</dt>
            <dd>{formatDate(a.created_at)}</dd>
            {a.rejection_reason && (
              <>
                <dt className="text-ui-fg-subtle">Rejected because</dt>
                <dd>{a.rejection_reason}</dd>
              </>
            )}
          </dl>
          {open && (
            <>
              <div className="flex flex-col gap-y-2 border-t pt-4">
                <Label htmlFor="application-code" size="small" weight="plus">Partner code (optional)</Label>
                <Input id="application-code" placeholder="Made from the name when empty" value={code} onChange={(e) => setCode(e.target.value)} />
                <Button size="small" onClick={() => decide("approve")} isLoading={review.isPending}>Approve</Button>
              </div>
              <div className="flex flex-col gap-y-2 border-t pt-4">
                <Label htmlFor="application-reason" size="small" weight="plus">Reason to reject</Label>
                <Textarea id="application-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
                <Text size="xsmall" className="text-ui-fg-subtle">The applicant's mail quotes it.</Text>
                <Button size="small" variant="danger" onClick={() => decide("reject")} disabled={!reason.trim()} isLoading={review.isPending}>
                  Reject
                </Button>
              </div>
            </>
          )}
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
