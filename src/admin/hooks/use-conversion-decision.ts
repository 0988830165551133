import { toast } from "@medusajs/ui"
import { useCallback, useState } from "react"
import type { AdminConversion } from "../../types/http"
import { errorMessage } from "../lib/format"
import { useReviewConversion } from "./api/conversions"

/**
 * Approving one conversion, or rejecting it with a reason, as the conversions list and the review
 * queue both do: the same toasts, and `rejecting` is the conversion whose reason is being asked
 * for (its drawer closes once the rejection is saved).
 */
export function useConversionDecision() {
  const { mutate: review, isPending } = useReviewConversion()
  const [rejecting, setRejecting] = useState<AdminConversion | null>(null)
  const approve = useCallback(
    (c: AdminConversion) =>
      review(
        { id: c.id, action: "approve" },
        { onSuccess: () => toast.success(`Conversion for order ${c.order_id} approved`), onError: (e) => toast.error(errorMessage(e)) }
      ),
    [review]
  )
  const reject = useCallback(
    (c: AdminConversion, reason: string) =>
      review(
        { id: c.id, action: "reject", reason },
        {
          onSuccess: () => {
            toast.success(`Conversion for order ${c.order_id} rejected`)
            setRejecting(null)
          },
          onError: (e) => toast.error(errorMessage(e)),
        }
      ),
    [review]
  )
  return { approve, reject, rejecting, setRejecting, reviewing: isPending }
}
