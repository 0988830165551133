import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import type { AdminConversion, AdminSignalCode } from "../../../../../types/http"
import { AffiliateNav } from "../../../../components/affiliate-nav"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { SignalList } from "../../../../components/signal-list"
import { useConversions } from "../../../../hooks/api/conversions"
import { useTrustAffiliate } from "../../../../hooks/api/trust"
import { useConversionDecision } from "../../../../hooks/use-conversion-decision"
import { useAffiliateNames, useCampaignNames } from "../../../../hooks/use-names"
import { errorMessage, formatDate, formatMoney } from "../../../../lib/format"
import { SIGNAL_LABELS } from "../../../../lib/signals"
import { readOffset } from "../../../../lib/table-query"
import { ConversionDrawer } from "../components/conversion-drawer"
import { ConversionsTabs } from "../components/conversions-tabs"
import { RejectConversionDrawer } from "../components/reject-conversion-drawer"

const PAGE_SIZE = 20

/**
 * The review queue (README, "Trust"): conversions a fraud signal holds, the newest first. The hold
 * period never approves them: approve one, reject it with a reason, or trust its affiliate for a
 * signal (their pending conversions lose it, and those it alone held leave the queue).
 */
const ReviewQueuePage = () => {
  const [params, setParams] = useSearchParams()
  const offset = readOffset(params.get("offset") ?? undefined)
  const queue = useConversions({ flagged: true, limit: PAGE_SIZE, offset })
  const [open, setOpen] = useState<string | null>(null)
  const { approve, reject, rejecting, setRejecting, reviewing } = useConversionDecision()
  const trust = useTrustAffiliate()
  const prompt = usePrompt()
  const campaignName = useCampaignNames()
  const affiliateName = useAffiliateNames()
  const rows = queue.data?.conversions ?? []
  const count = queue.data?.count ?? 0
  const page = (next: number) =>
    setParams(
      (prev) => {
        const params = new URLSearchParams(prev)
        if (next) params.set("offset", String(next))
        else params.delete("offset")
        return params
      },
      { replace: true }
    )

  const trustFor = async (c: AdminConversion, code: AdminSignalCode) => {
    const who = affiliateName.get(c.affiliate_id) ?? c.affiliate_id
    const ok = await prompt({
      title: `Trust ${who} for "${SIGNAL_LABELS[code]}"?`,
      description: "Their conversions will no longer raise this signal, and their pending ones lose it now (each conversion's history says so). You can stop trusting them on their page.",
      confirmText: "Trust",
      cancelText: "Cancel",
    })
    if (!ok) return
    trust.mutate(
      { affiliateId: c.affiliate_id, code },
      {
        onSuccess: (r) => toast.success(`${who} is trusted for "${SIGNAL_LABELS[code]}": ${r.conversions_updated} pending conversion(s) updated`),
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <ConversionsTabs />
      <Container className="flex flex-col gap-y-1">
        <Heading level="h1">Review queue</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Conversions held by a fraud signal. The hold period never approves them: approve, reject with a reason, or trust the affiliate for a signal.
        </Text>
      </Container>
      {queue.isLoading ? (
        <Container>
          <LoadingState rows={4} />
        </Container>
      ) : queue.isError ? (
        <Container>
          <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
        </Container>
      ) : !rows.length ? (
        <Container>
          <Text size="small" className="text-ui-fg-subtle" data-testid="queue-empty">
            Nothing to review: no pending conversion is held by a fraud signal.
          </Text>
        </Container>
      ) : (
        rows.map((c) => (
          <Container key={c.id} className="flex flex-col gap-y-3" data-queued={c.order_id}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="flex flex-col gap-y-1">
                <button type="button" className="text-ui-fg-interactive txt-compact-medium-plus text-left" onClick={() => setOpen(c.id)}>
                  Order <code className="font-mono">{c.order_id}</code>
                </button>
                <Text size="small" className="text-ui-fg-subtle">
                  {campaignName.get(c.campaign_id) ?? c.campaign_id} ·{" "}
                  <Link to={`/affiliate/affiliates/${c.affiliate_id}`} className="text-ui-fg-interactive">
                    {affiliateName.get(c.affiliate_id) ?? c.affiliate_id}
                  </Link>{" "}
                  · {formatDate(c.created_at)} · {formatMoney(c.order_total, c.order_currency)} · commission {formatMoney(c.commission_amount, c.commission_currency)}
                </Text>
              </div>
              <div className="flex gap-x-2">
                <Button size="small" variant="secondary" disabled={reviewing} onClick={() => approve(c)}>
                  Approve
                </Button>
                <Button size="small" variant="secondary" disabled={reviewing} onClick={() => setRejecting(c)}>
                  Reject
                </Button>
              </div>
            </div>
            <SignalList signals={c.signals} onTrust={(code) => trustFor(c, code)} trusting={trust.isPending} />
          </Container>
        ))
      )}
      {count > PAGE_SIZE && (
        <div className="flex items-center justify-end gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">
            {offset + 1}–{Math.min(offset + PAGE_SIZE, count)} of {count}
          </Text>
          <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE_SIZE))}>
            Previous
          </Button>
          <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= count} onClick={() => page(offset + PAGE_SIZE)}>
            Next
          </Button>
        </div>
      )}
      <RejectConversionDrawer key={rejecting?.id ?? "none"} conversion={rejecting} onReject={reject} onClose={() => setRejecting(null)} rejecting={reviewing} />
      {open && <ConversionDrawer key={open} id={open} onClose={() => setOpen(null)} />}
    </div>
  )
}

export default ReviewQueuePage
