import { PencilSquare } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { AffiliateNav } from "../../../../components/affiliate-nav"
import { AffiliateStatusBadge } from "../../../../components/badges"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { useAffiliate } from "../../../../hooks/api/affiliates"
import { AffiliateDrawer } from "../components/affiliate-drawer"
import { TrackingLinks } from "../components/tracking-links"
import { AffiliateFigures } from "./components/affiliate-figures"
import { PromotionCodes } from "./components/promotion-codes"
import { StatementLink } from "./components/statement-link"
import { TrustedSignals } from "./components/trusted-signals"

/** One affiliate: figures and where their traffic came from, promotion codes, the statement link, the signals they are trusted for and the tracking links. */
const AffiliatePage = () => {
  const { id = "" } = useParams()
  const affiliate = useAffiliate(id)
  const [editing, setEditing] = useState(false)
  if (affiliate.isLoading) return <Container><LoadingState rows={6} /></Container>
  if (affiliate.isError || !affiliate.data) return <Container><ErrorState error={affiliate.error} onRetry={() => affiliate.refetch()} /></Container>
  const a = affiliate.data.affiliate
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h1">{a.name}</Heading>
            <AffiliateStatusBadge status={a.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            <code className="font-mono">{a.code}</code> · {a.email}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
          <PencilSquare />
          Edit
        </Button>
      </Container>
      <AffiliateFigures affiliateId={a.id} />
      <PromotionCodes affiliateId={a.id} />
      <StatementLink affiliateId={a.id} />
      <TrustedSignals affiliateId={a.id} />
      <Container className="flex flex-col gap-y-2">
        <Heading level="h2">Tracking links</Heading>
        <TrackingLinks links={a.tracking_links} />
      </Container>
      {editing && <AffiliateDrawer id={a.id} open onClose={() => setEditing(false)} />}
    </div>
  )
}

export default AffiliatePage
