import { Button, Container, createDataTableColumnHelper, Heading, Input, Select, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { AdminAffiliatePromotion, AdminPromotionLookup } from "../../../../../../types/http"
import { actionsColumn } from "../../../../../components/actions-column"
import { Field } from "../../../../../components/field"
import { ErrorState } from "../../../../../components/page-state"
import { StaticTable } from "../../../../../components/static-table"
import { useAffiliatePromotions, useLinkAffiliatePromotion, useUnlinkAffiliatePromotion } from "../../../../../hooks/api/affiliate-program"
import { useCampaignNames } from "../../../../../hooks/use-names"
import { errorMessage, formatDate } from "../../../../../lib/format"
import { sdk } from "../../../../../lib/sdk"

const column = createDataTableColumnHelper<AdminAffiliatePromotion>()

const MODES: [string, string][] = [
  ["link", "Link an existing promotion"],
  ["create", "Create a new promotion"],
]
const DISCOUNTS: [string, string][] = [
  ["percentage", "Percentage off the items"],
  ["fixed", "Amount off the items"],
]

/** A select of `[value, label]` options. */
const Choice = (props: { id: string; value: string; onChange: (value: string) => void; options: [string, string][]; placeholder?: string }) => (
  <Select value={props.value} onValueChange={props.onChange}>
    <Select.Trigger id={props.id}><Select.Value placeholder={props.placeholder} /></Select.Trigger>
    <Select.Content>
      {props.options.map(([value, label]) => (
        <Select.Item key={value} value={value}>{label}</Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/**
 * The affiliate's promotion codes: an order that uses one credits the affiliate in its campaign, no
 * tracking or consent needed. Link a Medusa promotion by its code, or create one here.
 */
export const PromotionCodes = ({ affiliateId }: { affiliateId: string }) => {
  const promotions = useAffiliatePromotions(affiliateId)
  const link = useLinkAffiliatePromotion(affiliateId)
  const unlink = useUnlinkAffiliatePromotion(affiliateId)
  const campaignNames = useCampaignNames()
  const prompt = usePrompt()
  const [mode, setMode] = useState<"link" | "create">("link")
  const [campaignId, setCampaignId] = useState("")
  const [code, setCode] = useState("")
  const [type, setType] = useState<"percentage" | "fixed">("percentage")
  const [value, setValue] = useState("10")
  const [currency, setCurrency] = useState("")

  const columns = useMemo(
    () => [
      column.accessor("code", { header: "Code", cell: ({ getValue }) => <code className="font-mono" data-promotion-code={getValue() ?? ""}>{getValue() ?? "(deleted)"}</code> }),
      column.accessor("campaign_name", { header: "Campaign", cell: ({ getValue }) => getValue() ?? "-" }),
      column.accessor("promotion_status", {
        header: "Promotion",
        cell: ({ getValue }) => <StatusBadge color={getValue() === "active" ? "green" : "grey"}>{getValue() ?? "deleted"}</StatusBadge>,
      }),
      column.accessor("created_at", { header: "Linked", cell: ({ getValue }) => formatDate(getValue()) }),
      actionsColumn<AdminAffiliatePromotion>((p) => (
        <Button
          size="small"
          variant="transparent"
          onClick={async () => {
            const ok = await prompt({
              title: `Unlink ${p.code ?? "this promotion"}?`,
              description: "The promotion stays in Medusa, but orders using it no longer credit this affiliate.",
              confirmText: "Unlink",
              cancelText: "Cancel",
            })
            if (!ok) return
            unlink.mutate(p.promotion_id, { onSuccess: () => toast.success("Promotion unlinked"), onError: (e) => toast.error(errorMessage(e)) })
          }}
        >
          Unlink
        </Button>
      )),
    ],
    [prompt, unlink]
  )

  const submit = async () => {
    if (!campaignId) return toast.error("Choose the campaign the code credits")
    const trimmed = code.trim()
    if (!trimmed) return toast.error("Enter a promotion code")
    try {
      if (mode === "link") {
        // Medusa's own promotion list finds the promotion by its code.
        const { promotions: found } = await sdk.client.fetch<{ promotions: AdminPromotionLookup[] }>("/admin/promotions", {
          query: { code: trimmed, fields: "id,code" },
        })
        const match = found.find((p) => p.code.toLowerCase() === trimmed.toLowerCase())
        if (!match) return toast.error(`No Medusa promotion has the code ${trimmed}`)
        await link.mutateAsync({ campaign_id: campaignId, promotion_id: match.id })
      } else {
        await link.mutateAsync({
          campaign_id: campaignId,
          promotion: { code: trimmed, type, value: value.trim(), ...(type === "fixed" ? { currency_code: currency.trim() } : {}) },
        })
      }
      toast.success(`${trimmed} now credits this affiliate`)
      setCode("")
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0">
      <section aria-label="Promotion codes">
        <div className="px-6 py-4">
          <Heading level="h2">Promotion codes</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            An order that uses one of these codes credits this affiliate in the code's campaign, without tracking or cookie consent. When the
            order also has another affiliate's click in that campaign, the campaign's setting decides who is credited; never both.
          </Text>
        </div>
        {promotions.isError ? (
          <ErrorState error={promotions.error} onRetry={() => promotions.refetch()} />
        ) : (
          <StaticTable
            rows={promotions.data?.promotions}
            columns={columns}
            isLoading={promotions.isLoading}
            empty={{ heading: "No codes yet", description: "Link a Medusa promotion or create one below." }}
          />
        )}
        <div className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-6 md:items-end">
          <Field className="md:col-span-2" id="promo-mode" label="Code">
            <Choice id="promo-mode" value={mode} onChange={(v) => setMode(v as "link" | "create")} options={MODES} />
          </Field>
          <Field className="md:col-span-2" id="promo-code" label="Promotion code">
            <Input id="promo-code" value={code} placeholder="ANNA10" onChange={(e) => setCode(e.target.value.toUpperCase())} />
          </Field>
          <Field className="md:col-span-2" id="promo-campaign" label="Campaign">
            <Choice id="promo-campaign" value={campaignId} onChange={setCampaignId} options={[...campaignNames]} placeholder="Choose a campaign" />
          </Field>
          {mode === "create" && (
            <>
              <Field className="md:col-span-2" id="promo-type" label="Discount">
                <Choice id="promo-type" value={type} onChange={(v) => setType(v as "percentage" | "fixed")} options={DISCOUNTS} />
              </Field>
              <Field className="md:col-span-2" id="promo-value" label={type === "percentage" ? "Percent" : "Amount"}>
                <Input id="promo-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
              </Field>
              {type === "fixed" && (
                <Field className="md:col-span-2" id="promo-currency" label="Currency">
                  <Input id="promo-currency" maxLength={3} placeholder="usd" value={currency} onChange={(e) => setCurrency(e.target.value.toLowerCase())} />
                </Field>
              )}
            </>
          )}
          <div className="md:col-span-6">
            <Button size="small" variant="secondary" onClick={submit} isLoading={link.isPending}>
              {mode === "link" ? "Link promotion" : "Create promotion"}
            </Button>
          </div>
        </div>
      </section>
    </Container>
  )
}
