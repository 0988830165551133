import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Link as LinkIcon, PencilSquare, Photo, PlaySolid, ServerStack, Text as TextIcon, Trash, Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Table, Text, toast, Tooltip, usePrompt } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AffiliateNav } from "../../components/affiliate-nav"
import { CampaignStatusBadge } from "../../components/badges"
import { EmptyState, QueryState } from "../../components/page-state"
import { S2sSetupModal } from "../../components/s2s-setup-modal"
import { useCampaigns, useCampaignTotals, useDeleteCampaign } from "../../hooks/api/campaigns"
import { CAMPAIGN_TYPE_LABELS, errorMessage, formatCommissionRule, formatMoney } from "../../lib/format"
import type { Campaign, CampaignType } from "../../lib/types"
import { Pager } from "../../components/pager"

const PAGE_SIZE = 20

const CARDS: { type: CampaignType; icon: React.ReactNode; text: string }[] = [
  { type: "banner", icon: <Photo />, text: "Image banners placed on partner sites." },
  { type: "text", icon: <TextIcon />, text: "Text ads and copy for partners." },
  { type: "link", icon: <LinkIcon />, text: "Plain tracking links to your store." },
  { type: "video", icon: <PlaySolid />, text: "Video placements with a tracking link." },
]

const CampaignsPage = () => {
  const navigate = useNavigate()
  const [page, setPage] = useState(0)
  const [modalCampaign, setModalCampaign] = useState<Campaign | null>(null)
  const campaigns = useCampaigns({ limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const totals = useCampaignTotals()
  const remove = useDeleteCampaign()
  const prompt = usePrompt()
  const totalsById = useMemo(() => new Map((totals.data?.stats ?? []).map((s) => [s.campaign_id, s])), [totals.data])

  const onDelete = async (c: Campaign) => {
    const ok = await prompt({
      title: `Delete "${c.name}"?`,
      description: "Its links stop recording clicks and its API key stops working. Recorded conversions are kept.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    remove.mutate(c.id, {
      onSuccess: () => toast.success(`Campaign "${c.name}" deleted`),
      onError: (e) => toast.error(errorMessage(e)),
    })
  }

  const count = campaigns.data?.count ?? 0
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
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">All campaigns</Heading>
        </div>
        <QueryState query={campaigns} isEmpty={!count} empty={<EmptyState title="No campaigns yet" description="Click Create New on one of the cards above to create the first one." />}>
          {() => (
          <>
            <Table aria-label="Campaigns">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Type</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Clicks</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Conversions</Table.HeaderCell>
                  <Table.HeaderCell>Commission</Table.HeaderCell>
                  <Table.HeaderCell>Integration Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {campaigns.data!.campaigns.map((c) => {
                  const t = totalsById.get(c.id)
                  return (
                    <Table.Row key={c.id} data-campaign-id={c.id}>
                      <Table.Cell>
                        <Link to={`/affiliate/campaigns/${c.id}`} className="text-ui-fg-interactive hover:underline">
                          {c.name}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{CAMPAIGN_TYPE_LABELS[c.type]}</Table.Cell>
                      <Table.Cell>
                        <CampaignStatusBadge status={c.status} />
                      </Table.Cell>
                      <Table.Cell className="text-right">{totals.isLoading ? "…" : t?.clicks ?? 0}</Table.Cell>
                      <Table.Cell className="text-right">{totals.isLoading ? "…" : t?.conversions ?? 0}</Table.Cell>
                      <Table.Cell>
                        <div className="flex flex-col">
                          <span>{formatCommissionRule(c)}</span>
                          {t?.commission.length ? (
                            <span className="txt-compact-xsmall text-ui-fg-subtle">
                              {t.commission.map((m) => formatMoney(m.amount, m.currency_code)).join(", ")} earned
                            </span>
                          ) : null}
                        </div>
                      </Table.Cell>
                      <Table.Cell>
                        {c.integration_method === "s2s" && (
                          <div className="flex items-center gap-x-2">
                            <Badge size="2xsmall" color="blue">
                              S2S API
                            </Badge>
                            <Tooltip content="Open S2S setup">
                              <IconButton size="small" variant="transparent" aria-label="Open S2S setup" onClick={() => setModalCampaign(c)}>
                                <ServerStack />
                              </IconButton>
                            </Tooltip>
                          </div>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex justify-end gap-x-1">
                          <Button size="small" variant="transparent" onClick={() => navigate(`/affiliate/campaigns/${c.id}/edit`)}>
                            <PencilSquare />
                            Edit
                          </Button>
                          <IconButton size="small" variant="transparent" aria-label={`Delete ${c.name}`} onClick={() => onDelete(c)}>
                            <Trash />
                          </IconButton>
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
            <Pager count={count} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
          )}
        </QueryState>
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
