import { Button, Drawer, Heading, Input, Select, toast } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../../../components/field"
import type { AdminCreateAffiliate } from "../../../../../types/http"
import { ErrorState, LoadingState } from "../../../../components/page-state"
import { useAffiliate, useSaveAffiliate } from "../../../../hooks/api/affiliates"
import { errorMessage } from "../../../../lib/format"
import { TrackingLinks } from "./tracking-links"

type AffiliateFormValues = Required<Pick<AdminCreateAffiliate, "code" | "name" | "email" | "status">>

const EMPTY: AffiliateFormValues = { code: "", name: "", email: "", status: "active" }

/** Create (id undefined) or edit an affiliate; once saved, its tracking link per campaign. */
export const AffiliateDrawer = ({ id, open, onClose }: { id?: string; open: boolean; onClose: () => void }) => {
  const [savedId, setSavedId] = useState<string | undefined>(id)
  const current = useAffiliate(savedId)
  const save = useSaveAffiliate()
  const [values, setValues] = useState<AffiliateFormValues | null>(id ? null : EMPTY)
  const loaded = current.data?.affiliate
  const form = values ?? (loaded ? { code: loaded.code, name: loaded.name, email: loaded.email, status: loaded.status } : null)
  const set = (key: keyof AffiliateFormValues, value: string) => setValues({ ...(form ?? EMPTY), [key]: value } as AffiliateFormValues)

  const submit = () => {
    if (!form) return
    save.mutate(
      { id: savedId, body: form },
      {
        onSuccess: ({ affiliate }) => {
          toast.success(savedId ? "Affiliate saved" : "Affiliate created: its tracking links are below")
          setSavedId(affiliate.id)
          setValues(null)
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
              <Field label="Name" id="affiliate-name">
                <Input id="affiliate-name" value={form.name} onChange={(e) => set("name", e.target.value)} />
              </Field>
              <Field label="Email" id="affiliate-email">
                <Input id="affiliate-email" type="email" value={form.email} onChange={(e) => set("email", e.target.value)} />
              </Field>
              <Field label="Code" id="affiliate-code" hint="Goes into tracking links as aff=…: letters, digits, _ and -.">
                <Input id="affiliate-code" value={form.code} onChange={(e) => set("code", e.target.value)} placeholder="partner_01" />
              </Field>
              <Field label="Status" id="affiliate-status">
                <Select value={form.status} onValueChange={(v) => set("status", v)}>
                  <Select.Trigger id="affiliate-status"><Select.Value /></Select.Trigger>
                  <Select.Content>
                    <Select.Item value="active">Active</Select.Item>
                    <Select.Item value="paused">Paused</Select.Item>
                  </Select.Content>
                </Select>
              </Field>
            </>
          )}
          {loaded && (
            <div className="flex flex-col gap-y-2 border-t pt-4">
              <Heading level="h3">Tracking links</Heading>
              <TrackingLinks links={loaded.tracking_links} />
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
