import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminConversion } from "../../../../../types/http"

type RejectConversionDrawerProps = {
  /** The conversion being rejected; null closes the drawer. */
  conversion: AdminConversion | null
  onReject: (conversion: AdminConversion, reason: string) => void
  onClose: () => void
  rejecting: boolean
}

/** Asks for the reason a conversion is rejected (required: it is shown with the conversion). */
export const RejectConversionDrawer = ({ conversion, onReject, onClose, rejecting }: RejectConversionDrawerProps) => {
  const [reason, setReason] = useState("")
  const submit = () => {
    if (!conversion) return
    if (!reason.trim()) {
      toast.error("Give a reason for the rejection")
      return
    }
    onReject(conversion, reason.trim())
  }
  return (
    <Drawer open={!!conversion} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Reject conversion {conversion?.order_id}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-2">
          <Label htmlFor="reject-reason" size="small" weight="plus">
            Reason
          </Label>
          <Textarea
            id="reject-reason"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. Order was a fraud test"
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Shown with the conversion; the affiliate earns no commission for it.
          </Text>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" variant="danger" onClick={submit} isLoading={rejecting}>
            Reject conversion
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
