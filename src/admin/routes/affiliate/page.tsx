import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Link as LinkIcon, Photo, PlaySolid, Text as TextIcon, Users } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminCampaign, CampaignType } from "../../../types/http"
import { AffiliateNav } from "../../components/affiliate-nav"
import { S2sSetupModal } from "../../components/s2s-setup-modal"
import { CAMPAIGN_TYPE_LABELS } from "../../lib/format"
import { CampaignsTable } from "./components/campaigns-table/campaigns-table"

const CARDS: { type: CampaignType; icon: React.ReactNode; text: string }[] = [
  { type: "banner", icon: <Photo />, text: "Image banners placed on partner sites." },
  { type: "text", icon: <TextIcon />, text: "Text ads and copy for partners." },
  { type: "link", icon: <LinkIcon />, text: "Plain tracking links to your store." },
  { type: "video", icon: <PlaySolid />, text: "Video placements with a tracking link." },
]

/** The seed's campaigns page: a card per campaign type with "Create New", then every campaign. */
const CampaignsPage = () => {
  const navigate = useNavigate()
  const [modalCampaign, setModalCampaign] = useState<AdminCampaign | null>(null)
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="flex flex-col gap-y-4">
        <div>
          <Heading level="h1">Campaigns</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Create a campaign, share its tracking links with affiliates and report conversions server-to-server.
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
          {CARDS.map((card) => (
            <section
              key={card.type}
              aria-label={CAMPAIGN_TYPE_LABELS[card.type]}
              className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-3 rounded-lg p-4"
            >
              <div className="flex items-center gap-x-2">
                <span className="text-ui-fg-subtle">{card.icon}</span>
                <Heading level="h2">{CAMPAIGN_TYPE_LABELS[card.type]}</Heading>
              </div>
              <Text size="small" className="text-ui-fg-subtle flex-1">
                {card.text}
              </Text>
              <Button
                size="small"
                variant="secondary"
                aria-label={`Create New ${CAMPAIGN_TYPE_LABELS[card.type]}`}
                onClick={() => navigate(`/affiliate/campaigns/new?type=${card.type}`)}
              >
                Create New
              </Button>
            </section>
          ))}
        </div>
      </Container>
      <Container className="overflow-hidden p-0">
        <CampaignsTable onOpenSetup={setModalCampaign} />
      </Container>
      <S2sSetupModal campaign={modalCampaign} onClose={() => setModalCampaign(null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Affiliate",
  icon: Users,
})

export default CampaignsPage
