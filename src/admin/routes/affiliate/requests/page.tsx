import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { OutcomeBadge } from "../../../components/badges"
import { FilterSelect, filterQuery } from "../../../components/filter-select"
import { EmptyState, QueryState } from "../../../components/page-state"
import { useCampaigns } from "../../../hooks/api/campaigns"
import { useRequestLog } from "../../../hooks/api/requests"
import { formatDate } from "../../../lib/format"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 50
const INITIAL = { outcome: "all", source: "all", campaign_id: "all", is_test: "all", order_id: "", from: "", to: "" }

/** Every S2S call and order decision with its outcome and reason: "why didn't it fire?". */
const RequestLogPage = () => {
  const [filters, setFilters] = useState(INITIAL)
  const [page, setPage] = useState(0)
  const campaigns = useCampaigns({ limit: 1000 })
  const { from, to, order_id, ...rest } = filters
  const list = useRequestLog({
    ...filterQuery(rest),
    ...(order_id.trim() ? { order_id: order_id.trim() } : {}),
    ...(from ? { "created_at[gte]": from } : {}),
    ...(to ? { "created_at[lte]": `${to}T23:59:59.999Z` } : {}),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const campaignName = useMemo(() => new Map((campaigns.data?.campaigns ?? []).map((c) => [c.id, c.name])), [campaigns.data])
  const setFilter = (key: keyof typeof INITIAL) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }))
    setPage(0)
  }
  const count = list.data?.count ?? 0
  const filtered = JSON.stringify(filters) !== JSON.stringify(INITIAL)

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="divide-y p-0">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div>
            <Heading level="h1">Request log</Heading>
            <Text size="small" className="text-ui-fg-subtle">Every S2S call and every order decision, with its outcome and reason.</Text>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <FilterSelect label="Outcome" value={filters.outcome} onChange={setFilter("outcome")} options={["success", "duplicate", "skipped", "error"].map((o) => ({ value: o, label: o.charAt(0).toUpperCase() + o.slice(1) }))} />
            <FilterSelect label="Source" value={filters.source} onChange={setFilter("source")} options={[{ value: "s2s", label: "S2S API" }, { value: "store", label: "Store" }]} />
            <FilterSelect label="Campaign" value={filters.campaign_id} onChange={setFilter("campaign_id")} options={(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            <FilterSelect label="Live or test" value={filters.is_test} onChange={setFilter("is_test")} options={[{ value: "false", label: "Live" }, { value: "true", label: "Test" }]} />
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="req-order" size="xsmall">Order ID</Label>
              <Input id="req-order" size="small" value={filters.order_id} onChange={(e) => setFilter("order_id")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="req-from" size="xsmall">From</Label>
              <Input id="req-from" size="small" type="date" value={filters.from} onChange={(e) => setFilter("from")(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="req-to" size="xsmall">To</Label>
              <Input id="req-to" size="small" type="date" value={filters.to} onChange={(e) => setFilter("to")(e.target.value)} />
            </div>
            {filtered && (
              <Button size="small" variant="transparent" onClick={() => { setFilters(INITIAL); setPage(0) }}>Clear filters</Button>
            )}
          </div>
        </div>
        <QueryState query={list} isEmpty={!count} empty={<EmptyState title={filtered ? "No request matches these filters" : "No requests logged yet"} description={filtered ? undefined : "Calls to the S2S endpoint and order decisions appear here."} />}>
          {() => (
          <>
            <Table aria-label="Request log">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Time</Table.HeaderCell>
                  <Table.HeaderCell>Source</Table.HeaderCell>
                  <Table.HeaderCell>Outcome</Table.HeaderCell>
                  <Table.HeaderCell>HTTP</Table.HeaderCell>
                  <Table.HeaderCell>Reason</Table.HeaderCell>
                  <Table.HeaderCell>Campaign</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell>Key</Table.HeaderCell>
                  <Table.HeaderCell>Request ID</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data!.requests.map((r) => (
                  <Table.Row key={r.id} data-outcome={r.outcome}>
                    <Table.Cell>{formatDate(r.created_at)}</Table.Cell>
                    <Table.Cell>
                      <div className="flex items-center gap-x-1">
                        <span>{r.source === "s2s" ? `S2S ${r.method ?? ""}` : "Store"}</span>
                        {r.is_test && <Badge size="2xsmall" color="purple">Test</Badge>}
                      </div>
                    </Table.Cell>
                    <Table.Cell><OutcomeBadge outcome={r.outcome} /></Table.Cell>
                    <Table.Cell>{r.http_status ?? "-"}</Table.Cell>
                    <Table.Cell className="max-w-[360px] whitespace-normal py-2">{r.reason}</Table.Cell>
                    <Table.Cell>{r.campaign_id ? campaignName.get(r.campaign_id) ?? r.campaign_id : "-"}</Table.Cell>
                    <Table.Cell>{r.order_id ?? "-"}</Table.Cell>
                    <Table.Cell>{r.key_prefix ? <code className="font-mono">{r.key_prefix}</code> : "-"}</Table.Cell>
                    <Table.Cell><code className="txt-compact-xsmall font-mono">{r.request_id}</code></Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Pager count={count} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
          )}
        </QueryState>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Request log", rank: 3 })

export default RequestLogPage
