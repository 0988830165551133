import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Drawer, Heading, Input, Label, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { ConversionStatusBadge } from "../../../components/badges"
import { FilterSelect, filterQuery } from "../../../components/filter-select"
import { EmptyState, QueryState } from "../../../components/page-state"
import { useAffiliates } from "../../../hooks/api/affiliates"
import { useCampaigns } from "../../../hooks/api/campaigns"
import { useConversions, useReviewConversion } from "../../../hooks/api/conversions"
import { errorMessage, formatDate, formatMoney } from "../../../lib/format"
import type { Conversion } from "../../../lib/types"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20
const STATUSES = ["pending", "approved", "rejected", "paid", "reversed"]
const INITIAL = { campaign_id: "all", affiliate_id: "all", status: "all", source: "all", is_test: "all", from: "", to: "" }

const ConversionsPage = () => {
  const [filters, setFilters] = useState(INITIAL)
  const [page, setPage] = useState(0)
  const [rejecting, setRejecting] = useState<Conversion | null>(null)
  const [reason, setReason] = useState("")
  const campaigns = useCampaigns({ limit: 1000 })
  const affiliates = useAffiliates({ limit: 1000 })
  const review = useReviewConversion()
  const { from, to, ...rest } = filters
  const query = {
    ...filterQuery(rest),
    ...(from ? { "created_at[gte]": from } : {}),
    ...(to ? { "created_at[lte]": `${to}T23:59:59.999Z` } : {}),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  }
  const list = useConversions(query)
  const campaignName = useMemo(() => new Map((campaigns.data?.campaigns ?? []).map((c) => [c.id, c.name])), [campaigns.data])
  const affiliateName = useMemo(() => new Map((affiliates.data?.affiliates ?? []).map((a) => [a.id, a.name])), [affiliates.data])
  const setFilter = (key: keyof typeof INITIAL) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }))
    setPage(0)
  }

  const approve = (c: Conversion) =>
    review.mutate(
      { id: c.id, action: "approve" },
      { onSuccess: () => toast.success(`Conversion for order ${c.order_id} approved`), onError: (e) => toast.error(errorMessage(e)) }
    )
  const reject = () => {
    if (!rejecting) return
    if (!reason.trim()) {
      toast.error("Give a reason for the rejection")
      return
    }
    review.mutate(
      { id: rejecting.id, action: "reject", reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success(`Conversion for order ${rejecting.order_id} rejected`)
          setRejecting(null)
          setReason("")
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  }

  const count = list.data?.count ?? 0
  const filtered = JSON.stringify(filters) !== JSON.stringify(INITIAL)
  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="divide-y p-0">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div>
            <Heading level="h1">Conversions</Heading>
            <Text size="small" className="text-ui-fg-subtle">Orders attributed to affiliates. Approve or reject pending live conversions.</Text>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <FilterSelect label="Campaign" value={filters.campaign_id} onChange={setFilter("campaign_id")} options={(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            <FilterSelect label="Affiliate" value={filters.affiliate_id} onChange={setFilter("affiliate_id")} options={(affiliates.data?.affiliates ?? []).map((a) => ({ value: a.id, label: a.name }))} />
            <FilterSelect label="Status" value={filters.status} onChange={setFilter("status")} options={STATUSES.map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) }))} />
            <FilterSelect label="Source" value={filters.source} onChange={setFilter("source")} options={[{ value: "s2s", label: "S2S API" }, { value: "store", label: "Store" }]} />
            <FilterSelect label="Live or test" value={filters.is_test} onChange={setFilter("is_test")} options={[{ value: "false", label: "Live" }, { value: "true", label: "Test" }]} />
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="conv-from" size="xsmall">From</Label>
              <Input id="conv-from" size="small" type="date" value={filters.from} onChange={(e) => setFilter("from")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="conv-to" size="xsmall">To</Label>
              <Input id="conv-to" size="small" type="date" value={filters.to} onChange={(e) => setFilter("to")(e.target.value)} />
            </div>
            {filtered && (
              <Button size="small" variant="transparent" onClick={() => { setFilters(INITIAL); setPage(0) }}>
                Clear filters
              </Button>
            )}
          </div>
        </div>
        <QueryState query={list} isEmpty={!count} empty={<EmptyState
            title={filtered ? "No conversion matches these filters" : "No conversions yet"}
            description={filtered ? undefined : "They appear when a shop reports an order through the S2S endpoint or an attributed order is placed."}
          />}>
          {() => (
          <>
            <Table aria-label="Conversions">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Date</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell>Campaign</Table.HeaderCell>
                  <Table.HeaderCell>Affiliate</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Commission</Table.HeaderCell>
                  <Table.HeaderCell>Source</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data!.conversions.map((c) => (
                  <Table.Row key={c.id} data-order-id={c.order_id}>
                    <Table.Cell>{formatDate(c.created_at)}</Table.Cell>
                    <Table.Cell><code className="font-mono">{c.order_id}</code></Table.Cell>
                    <Table.Cell>{campaignName.get(c.campaign_id) ?? c.campaign_id}</Table.Cell>
                    <Table.Cell>{affiliateName.get(c.affiliate_id) ?? c.affiliate_id}</Table.Cell>
                    <Table.Cell className="text-right">{formatMoney(c.order_total, c.order_currency)}</Table.Cell>
                    <Table.Cell className="text-right">{formatMoney(c.commission_amount, c.commission_currency)}</Table.Cell>
                    <Table.Cell>
                      <div className="flex items-center gap-x-1">
                        <Badge size="2xsmall">{c.source === "s2s" ? "S2S API" : "Store"}</Badge>
                        {c.is_test ? <Badge size="2xsmall" color="purple">Test</Badge> : <Badge size="2xsmall" color="green">Live</Badge>}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <ConversionStatusBadge status={c.status} />
                        {c.status_reason && <span className="txt-compact-xsmall text-ui-fg-subtle">{c.status_reason}</span>}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      {c.status === "pending" && !c.is_test ? (
                        <div className="flex justify-end gap-x-1">
                          <Button size="small" variant="secondary" onClick={() => approve(c)} disabled={review.isPending}>Approve</Button>
                          <Button size="small" variant="secondary" onClick={() => { setRejecting(c); setReason("") }} disabled={review.isPending}>Reject</Button>
                        </div>
                      ) : null}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Pager count={count} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
          )}
        </QueryState>
      </Container>
      <Drawer open={!!rejecting} onOpenChange={(o) => !o && setRejecting(null)}>
        <Drawer.Content aria-describedby={undefined}>
          <Drawer.Header>
            <Drawer.Title>Reject conversion {rejecting?.order_id}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-2">
            <Label htmlFor="reject-reason" size="small" weight="plus">Reason</Label>
            <Textarea id="reject-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Order was a fraud test" />
            <Text size="xsmall" className="text-ui-fg-subtle">Shown with the conversion; the affiliate earns no commission for it.</Text>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild><Button size="small" variant="secondary">Cancel</Button></Drawer.Close>
            <Button size="small" variant="danger" onClick={reject} isLoading={review.isPending}>Reject conversion</Button>
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Conversions", rank: 2 })

export default ConversionsPage
