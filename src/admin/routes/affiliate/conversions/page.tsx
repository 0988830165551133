import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, toast } from "@medusajs/ui"
import { useCallback, useState } from "react"
import type { AdminConversion } from "../../../../types/http"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { useReviewConversion } from "../../../hooks/api/conversions"
import { errorMessage } from "../../../lib/format"
import { ConversionsTable } from "./components/conversions-table/conversions-table"
import { RejectConversionDrawer } from "./components/reject-conversion-drawer"

/** Conversions with their filters; approve a pending live one, or reject it with a reason. */
const ConversionsPage = () => {
  const [rejecting, setRejecting] = useState<AdminConversion | null>(null)
  const { mutate: review, isPending: reviewing } = useReviewConversion()

  const approve = useCallback(
    (c: AdminConversion) =>
      review(
        { id: c.id, action: "approve" },
        {
          onSuccess: () => toast.success(`Conversion for order ${c.order_id} approved`),
          onError: (e) => toast.error(errorMessage(e)),
        }
      ),
    [review]
  )
  const reject = (c: AdminConversion, reason: string) =>
    review(
      { id: c.id, action: "reject", reason },
      {
        onSuccess: () => {
          toast.success(`Conversion for order ${c.order_id} rejected`)
          setRejecting(null)
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="overflow-hidden p-0">
        <ConversionsTable onApprove={approve} onReject={setRejecting} reviewing={reviewing} />
      </Container>
      <RejectConversionDrawer
        key={rejecting?.id ?? "none"}
        conversion={rejecting}
        onReject={reject}
        onClose={() => setRejecting(null)}
        rejecting={reviewing}
      />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Conversions", rank: 2 })

export default ConversionsPage
