import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, Plus } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { AffiliateNav } from "../../../components/affiliate-nav"
import { AffiliateStatusBadge } from "../../../components/badges"
import { CopyButton } from "../../../components/copy-button"
import { EmptyState, ErrorState, LoadingState, QueryState } from "../../../components/page-state"
import { useAffiliate, useAffiliates, useSaveAffiliate } from "../../../hooks/api/affiliates"
import { errorMessage, formatDate } from "../../../lib/format"
import type { AffiliateInput } from "../../../lib/types"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20
const EMPTY: AffiliateInput = { code: "", name: "", email: "", status: "active" }

/** Create (id undefined) or edit an affiliate; once saved, its tracking link per campaign. */
const AffiliateDrawer = ({ id, open, onClose }: { id?: string; open: boolean; onClose: () => void }) => {
  const [savedId, setSavedId] = useState<string | undefined>(id)
  const current = useAffiliate(savedId)
  const save = useSaveAffiliate()
  const [values, setValues] = useState<AffiliateInput | null>(id ? null : EMPTY)
  const loaded = current.data?.affiliate
  const form = values ?? (loaded ? { code: loaded.code, name: loaded.name, email: loaded.email, status: loaded.status } : null)
  const set = (key: keyof AffiliateInput, value: string) => setValues({ ...(form ?? EMPTY), [key]: value } as AffiliateInput)

  const submit = () => {
    if (!form) return
    save.mutate(
      { id: savedId, body: form },
      {
        onSuccess: ({ affiliate }) => {
          toast.success(savedId ? "Affiliate saved" : "Affiliate created: its tracking links are below")
          setSavedId(affiliate.id)
          setValues(null)
          current.refetch()
        },
        onError: (e) => toast.error(errorMessage(e)),
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>{savedId ? "Edit affiliate" : "Create affiliate"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {savedId && current.isLoading && <LoadingState rows={3} />}
          {savedId && current.isError && <ErrorState error={current.error} onRetry={() => current.refetch()} />}
          {form && (
            <>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="affiliate-name" size="small" weight="plus">Name</Label>
                <Input id="affiliate-name" value={form.name} onChange={(e) => set("name", e.target.value)} />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="affiliate-email" size="small" weight="plus">Email</Label>
                <Input id="affiliate-email" type="email" value={form.email} onChange={(e) => set("email", e.target.value)} />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="affiliate-code" size="small" weight="plus">Code</Label>
                <Input id="affiliate-code" value={form.code} onChange={(e) => set("code", e.target.value)} placeholder="partner_01" />
                <Text size="xsmall" className="text-ui-fg-subtle">Goes into tracking links as aff=…: letters, digits, _ and -.</Text>
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="affiliate-status" size="small" weight="plus">Status</Label>
                <Select value={form.status} onValueChange={(v) => set("status", v)}>
                  <Select.Trigger id="affiliate-status"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="active">Active</Select.Item>
                    <Select.Item value="paused">Paused</Select.Item>
                  </Select.Content>
                </Select>
              </div>
            </>
          )}
          {loaded && (
            <div className="flex flex-col gap-y-2 border-t pt-4">
              <Heading level="h3">Tracking links</Heading>
              {!loaded.tracking_links?.length ? (
                <Text size="small" className="text-ui-fg-subtle">No active or paused campaign yet: create a campaign first.</Text>
              ) : (
                loaded.tracking_links.map((l) => (
                  <div key={l.campaign_id} className="flex flex-col gap-y-1">
                    <Text size="small" weight="plus">{l.campaign_name}</Text>
                    <div className="flex items-center gap-x-2">
                      <code className="bg-ui-bg-subtle txt-compact-xsmall flex-1 overflow-x-auto whitespace-nowrap rounded-md border px-2 py-1 font-mono">{l.url}</code>
                      <CopyButton value={l.url} label={`Copy tracking link for ${l.campaign_name}`} />
                    </div>
                  </div>
                ))
              )}
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">Close</Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={save.isPending} disabled={!form}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const AffiliatesPage = () => {
  const [page, setPage] = useState(0)
  const [q, setQ] = useState("")
  const [drawer, setDrawer] = useState<{ id?: string } | null>(null)
  const list = useAffiliates({ limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...(q.trim() ? { q: q.trim() } : {}) })
  const count = list.data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3">
      <AffiliateNav />
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h1">Affiliates</Heading>
            <Text size="small" className="text-ui-fg-subtle">Partners who promote your campaigns, with a tracking link per campaign.</Text>
          </div>
          <div className="flex items-center gap-x-2">
            <Input type="search" size="small" placeholder="Search" aria-label="Search affiliates" value={q} onChange={(e) => { setQ(e.target.value); setPage(0) }} />
            <Button size="small" variant="secondary" onClick={() => setDrawer({})}>
              <Plus />
              Create
            </Button>
          </div>
        </div>
        <QueryState query={list} isEmpty={!count} empty={<EmptyState
            title={q ? "No affiliate matches" : "No affiliates yet"}
            description={q ? "Try another search." : "Create one to get its tracking links."}
          />}>
          {() => (
          <>
            <Table aria-label="Affiliates">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Code</Table.HeaderCell>
                  <Table.HeaderCell>Email</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data!.affiliates.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.Cell>{a.name}</Table.Cell>
                    <Table.Cell><code className="font-mono">{a.code}</code></Table.Cell>
                    <Table.Cell>{a.email}</Table.Cell>
                    <Table.Cell><AffiliateStatusBadge status={a.status} /></Table.Cell>
                    <Table.Cell>{formatDate(a.created_at)}</Table.Cell>
                    <Table.Cell className="text-right">
                      <Button size="small" variant="transparent" onClick={() => setDrawer({ id: a.id })}>
                        <PencilSquare />
                        Edit & links
                      </Button>
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
      {drawer && <AffiliateDrawer key={drawer.id ?? "new"} id={drawer.id} open onClose={() => setDrawer(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Affiliates", rank: 1 })

export default AffiliatesPage
