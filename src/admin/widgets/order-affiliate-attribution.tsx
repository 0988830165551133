import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminOrderConversion } from "../../types/http"
import { ConversionStatusBadge, OutcomeBadge } from "../components/badges"
import { ConversionItems } from "../components/conversion-items"
import { ErrorState, LoadingState } from "../components/page-state"
import { useCampaign } from "../hooks/api/campaigns"
import { useConversion } from "../hooks/api/conversions"
import { useOrderAttribution } from "../hooks/api/order-attribution"
import { useCreateErasure } from "../hooks/api/privacy"
import { capitalize, errorMessage, formatDate, formatMoney } from "../lib/format"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="text-ui-fg-base txt-small">{children}</div>
  </div>
)

const DELIVERY_COLOR = { delivered: "green", pending: "orange", failed: "red" } as const

/** Why the order was (not) credited, in words: the request log's reason codes. */
const REASONS: Record<string, string> = {
  recorded: "credited to the affiliate whose link was clicked",
  coupon: "credited to the affiliate whose promotion code the order used",
  coupon_over_click: "the promotion code won over a click (the campaign credits codes first)",
  click_over_coupon: "the click won over a promotion code (the campaign credits clicks first)",
  coupon_affiliate_paused: "the promotion code's affiliate is paused",
  coupon_campaign_paused: "the promotion code's campaign is paused",
  coupon_campaign_archived: "the promotion code's campaign is archived",
  another_coupon_credited: "another affiliate's code of the same campaign was credited",
}
const why = (reason: string) => REASONS[reason] ?? reason.replace(/_/g, " ")

/** On the order page: which affiliate this order is attributed to, or why it is not. */
const OrderAffiliateAttributionWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error, refetch } = useOrderAttribution(order.id)
  const attribution = data?.attribution
  const click = attribution?.click
  const conversion = data?.conversions[0]
  const whyNot = data?.request_log.find((d) => d.outcome === "skipped")
  return (
    <Container className="divide-y p-0" aria-label="Affiliate attribution">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Affiliate attribution</Heading>
        {conversion && <ConversionStatusBadge status={conversion.status} />}
      </div>
      {isLoading && <LoadingState rows={3} />}
      {error && <ErrorState error={error} onRetry={() => refetch()} />}
      {data && !conversion && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No conversion for this order{whyNot ? `: ${why(whyNot.reason)}` : attribution ? "" : ": no affiliate click was captured on its cart"}.
          </Text>
        </div>
      )}
      {click && (
        <>
          <Row label="Campaign">
            {click.campaign ? <Link to={`/affiliate/campaigns/${click.campaign.id}`}>{click.campaign.name}</Link> : "-"}
          </Row>
          <Row label="Affiliate">{click.affiliate ? `${click.affiliate.name} (${click.affiliate.code})` : "-"}</Row>
          <Row label="Click time">{formatDate(click.created_at)}</Row>
        </>
      )}
      {attribution && (
        <Row label="Consent">
          {attribution.consent ?? "not given"}
          {attribution.consent_at ? ` · ${formatDate(attribution.consent_at)}` : ""}
        </Row>
      )}
      {/* A click's conversion is the click's affiliate above; a code's names its own. */}
      {data?.conversions
        .filter((c) => c.source === "coupon")
        .map((c) => (
          <Row key={c.id} label="Credited by code">
            <code className="font-mono">{c.promotion_code}</code> · {c.affiliate ? `${c.affiliate.name} (${c.affiliate.code})` : c.affiliate_id}
            {c.campaign ? ` · ${c.campaign.name}` : ""}
          </Row>
        ))}
      {conversion && <Row label="Commission">{formatMoney(conversion.commission_amount, conversion.commission_currency)}</Row>}
      {conversion?.customer_type && <Row label="Customer">{capitalize(conversion.customer_type)}</Row>}
      {conversion && <SoldItems conversion={conversion} />}
      {data?.deliveries.map((d) => (
        <Row key={d.id} label="Outbound delivery">
          <StatusBadge color={DELIVERY_COLOR[d.status]}>{d.status}</StatusBadge>{" "}
          {d.attempt_count} of {d.max_attempts} attempts
          {d.attempts[0]?.http_status ? ` · last HTTP ${d.attempts[0].http_status}` : ""}
        </Row>
      ))}
      {data?.request_log[0] && (
        <Row label="Last decision">
          <OutcomeBadge outcome={data.request_log[0].outcome} /> {why(data.request_log[0].reason)}
        </Row>
      )}
      {data && (attribution || conversion || data.request_log.length > 0) && <EraseOrderData orderId={order.id} />}
    </Container>
  )
}

/** The conversion's items, each with the rule it was recorded under and its commission. */
const SoldItems = ({ conversion }: { conversion: AdminOrderConversion }) => {
  const { data } = useConversion(conversion.id)
  const campaign = useCampaign(conversion.campaign_id)
  const items = data?.conversion.items ?? []
  if (!items.length) return null
  return (
    <div className="flex flex-col gap-y-2 px-6 py-3">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        Items
      </Text>
      <ConversionItems
        compact
        items={items}
        rules={campaign.data?.campaign.commission_rules}
        currency={conversion.order_currency}
        commissionCurrency={conversion.commission_currency}
      />
    </div>
  )
}

/** Erasure on request for this order's shopper (GDPR art. 17); the amounts owed stay. */
const EraseOrderData = ({ orderId }: { orderId: string }) => {
  const erase = useCreateErasure()
  const prompt = usePrompt()
  const onClick = async () => {
    const confirmed = await prompt({
      title: "Erase this order's affiliate data?",
      description:
        "The shopper's user agent, IP hash, referrer, landing URL, click token, consent record and request-log entries for this order " +
        "are deleted for good. The conversion keeps its amount and commission. This cannot be undone.",
      confirmText: "Erase",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    erase.mutate(
      { order_id: orderId },
      { onSuccess: () => toast.success("The order's affiliate data was erased"), onError: (e) => toast.error(errorMessage(e)) }
    )
  }
  return (
    <div className="flex justify-end px-6 py-3">
      <Button size="small" variant="secondary" isLoading={erase.isPending} onClick={onClick}>
        Erase shopper data
      </Button>
    </div>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderAffiliateAttributionWidget
