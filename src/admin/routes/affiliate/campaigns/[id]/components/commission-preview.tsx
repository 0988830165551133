import { Plus, Trash } from "@medusajs/icons"
import { Button, Container, createDataTableColumnHelper, Heading, IconButton, Input, Select, Tabs, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminCampaign, AdminCommissionPreview, AdminCommissionPreviewResponse } from "../../../../../../types/http"
import { Field } from "../../../../../components/field"
import { StaticTable } from "../../../../../components/static-table"
import { Stat } from "../../../../../components/stats"
import { useCommissionPreview } from "../../../../../hooks/api/campaigns"
import { useAffiliateNames } from "../../../../../hooks/use-names"
import { ruleName } from "../../../../../lib/commission-rules"
import { errorMessage, formatMoney } from "../../../../../lib/format"

type Preview = AdminCommissionPreviewResponse["preview"]
type PreviewRow = Preview["items"][number] & { id: string }
type ItemDraft = { key: number; sku: string; item_value: string; quantity: string; category: string; collection: string; product_id: string }

const NONE = "none"
const column = createDataTableColumnHelper<PreviewRow>()
let drafts = 0
const emptyItem = (): ItemDraft => ({ key: ++drafts, sku: "", item_value: "", quantity: "1", category: "", collection: "", product_id: "" })

const ITEM_COLUMNS: { field: keyof Omit<ItemDraft, "key">; label: string; placeholder: string }[] = [
  { field: "sku", label: "SKU", placeholder: "e.g. TSHIRT-BLUE-M" },
  { field: "item_value", label: "Value", placeholder: "e.g. 99.90" },
  { field: "quantity", label: "Qty", placeholder: "1" },
  { field: "category", label: "Categories", placeholder: "Optional, comma-separated" },
  { field: "collection", label: "Collection", placeholder: "Optional" },
  { field: "product_id", label: "Product ID", placeholder: "Optional" },
]

/** The order as the preview endpoint takes it: the filled item rows, or the total alone. */
function previewBody(mode: string, items: ItemDraft[], total: string, currency: string, customerType: string, affiliateId: string): AdminCommissionPreview {
  const filled = items.filter((i) => i.sku.trim() || i.item_value.trim())
  return {
    ...(mode === "items"
      ? {
          items: filled.map((i) => ({
            sku: i.sku.trim(),
            item_value: i.item_value.trim(),
            quantity: Number(i.quantity) || 1,
            ...(i.product_id.trim() ? { product_id: i.product_id.trim() } : {}),
            ...(i.category.trim() ? { category: i.category.split(",").map((c) => c.trim()).filter(Boolean) } : {}),
            ...(i.collection.trim() ? { collection: i.collection.trim() } : {}),
          })),
        }
      : { order_total: total.trim() }),
    order_currency: currency.trim().toLowerCase(),
    ...(customerType !== NONE ? { customer_type: customerType as "new" | "returning" } : {}),
    ...(affiliateId !== NONE ? { affiliate_id: affiliateId } : {}),
  }
}

/**
 * "What would this order earn": an order (items, or a total), its currency and customer, and
 * optionally an affiliate (whose sales this month count for tiers), priced by the campaign's rules
 * as saved. Each item's rate, rule and commission, and the total. Records nothing.
 */
export const CommissionPreview = ({ campaign }: { campaign: AdminCampaign }) => {
  const preview = useCommissionPreview(campaign.id)
  const affiliates = useAffiliateNames()
  const perConversion = campaign.commission_type === "flat"
  const lead = campaign.tool_type === "lead"
  const [mode, setMode] = useState(perConversion ? "total" : "items")
  const [items, setItems] = useState<ItemDraft[]>(() => [emptyItem()])
  const [total, setTotal] = useState("")
  const [currency, setCurrency] = useState(campaign.currency_code ?? "usd")
  const [customerType, setCustomerType] = useState(NONE)
  const [affiliateId, setAffiliateId] = useState(NONE)
  const [result, setResult] = useState<Preview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const updateItem = (key: number, change: Partial<ItemDraft>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)))
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    setProblem(null)
    // A lead has no total: its commission is the campaign's (or a rule's) amount.
    const body = previewBody(mode, items, lead ? "0" : total, currency, customerType, affiliateId)
    preview.mutate(body, {
      onSuccess: ({ preview }) => setResult(preview),
      onError: (err) => {
        setResult(null)
        setProblem(errorMessage(err))
        toast.error(errorMessage(err))
      },
    })
  }

  const rule = (id: string | null) => ruleName(campaign.commission_rules, id)
  const rate = (value: string | null) => (value === null ? "-" : `${Number(value)}%`)
  const columns = [
    column.accessor("sku", {
      header: "Item",
      cell: ({ row }) => (
        <div className="flex flex-col">
          <code className="font-mono">{row.original.sku}</code>
          <span className="txt-compact-xsmall text-ui-fg-subtle">{[...row.original.category, row.original.collection].filter(Boolean).join(" · ")}</span>
        </div>
      ),
    }),
    column.accessor("item_value", {
      header: "Value",
      cell: ({ row }) => `${formatMoney(row.original.item_value, currency)}${row.original.quantity > 1 ? ` (${row.original.quantity} units)` : ""}`,
    }),
    column.accessor("commission_rate", { header: "Rate", cell: ({ getValue }) => rate(getValue()) }),
    column.accessor("rule_id", { header: "Rule", cell: ({ getValue }) => <span data-preview-rule>{rule(getValue())}</span> }),
    column.accessor("commission_amount", {
      header: "Commission",
      align: "right",
      cell: ({ row }) => formatMoney(row.original.commission_amount, result?.commission_currency),
    }),
  ]

  return (
    <Container className="flex flex-col gap-y-4" aria-labelledby="commission-preview-heading" role="region">
      <div className="flex flex-col gap-y-1">
        <Heading level="h2" id="commission-preview-heading">
          What would this order earn
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Prices an order with the campaign's commission rules as saved. Nothing is recorded.
        </Text>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-y-4">
        {/* A flat or lead campaign pays per conversion: its items would not change the amount. */}
        {!perConversion && (
          <Tabs value={mode} onValueChange={setMode}>
            <Tabs.List>
              <Tabs.Trigger value="items">Items</Tabs.Trigger>
              <Tabs.Trigger value="total">Order total</Tabs.Trigger>
            </Tabs.List>
          </Tabs>
        )}
        {mode === "items" && !lead ? (
          <div className="flex flex-col gap-y-2" role="group" aria-label="Items">
            <div className="grid grid-cols-[1.4fr_1fr_0.6fr_1.4fr_1fr_1fr_auto] gap-2">
              {ITEM_COLUMNS.map((c) => (
                <Text key={c.field} size="xsmall" weight="plus" className="text-ui-fg-subtle" aria-hidden>
                  {c.label}
                </Text>
              ))}
              <span />
              {items.map((item, i) => (
                <div key={item.key} className="contents">
                  {ITEM_COLUMNS.map((c) => (
                    <Input
                      key={c.field}
                      size="small"
                      aria-label={`Item ${i + 1} ${c.label}`}
                      inputMode={c.field === "item_value" || c.field === "quantity" ? "decimal" : undefined}
                      placeholder={c.placeholder}
                      value={item[c.field]}
                      onChange={(e) => updateItem(item.key, { [c.field]: e.target.value })}
                    />
                  ))}
                  <IconButton
                    type="button"
                    size="small"
                    variant="transparent"
                    aria-label={`Remove item ${i + 1}`}
                    disabled={items.length === 1}
                    onClick={() => setItems((all) => all.filter((x) => x.key !== item.key))}
                  >
                    <Trash />
                  </IconButton>
                </div>
              ))}
            </div>
            <div>
              <Button type="button" size="small" variant="transparent" onClick={() => setItems((all) => [...all, emptyItem()])} disabled={items.length >= 100}>
                <Plus />
                Add item
              </Button>
            </div>
          </div>
        ) : null}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
          {mode === "total" && !lead && (
            <Field label="Order total" id="preview-order-total" hint="After discounts, excluding tax and shipping.">
              <Input id="preview-order-total" inputMode="decimal" placeholder="129.90" value={total} onChange={(e) => setTotal(e.target.value)} />
            </Field>
          )}
          <Field label="Currency" id="preview-currency">
            <Input id="preview-currency" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value.toLowerCase())} />
          </Field>
          <Field label="Customer type" id="preview-customer-type">
            <Select value={customerType} onValueChange={setCustomerType}>
              <Select.Trigger id="preview-customer-type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NONE}>Not given</Select.Item>
                <Select.Item value="new">New customer</Select.Item>
                <Select.Item value="returning">Returning customer</Select.Item>
              </Select.Content>
            </Select>
          </Field>
          <Field label="Affiliate" id="preview-affiliate" hint="Its sales this month count for monthly-sales tiers.">
            <Select value={affiliateId} onValueChange={setAffiliateId}>
              <Select.Trigger id="preview-affiliate">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NONE}>None (tiers do not match)</Select.Item>
                {[...affiliates].map(([id, name]) => (
                  <Select.Item key={id} value={id}>
                    {name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
        </div>
        <div>
          <Button type="submit" size="small" variant="secondary" isLoading={preview.isPending}>
            Preview commission
          </Button>
        </div>
      </form>
      {problem && (
        <Text size="small" role="alert" className="text-ui-fg-error" data-testid="commission-preview-problem">
          {problem}
        </Text>
      )}
      {result && (
        <div className="flex flex-col gap-y-3" data-testid="commission-preview-result">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4" role="group" aria-label="Totals">
            <Stat label="Commission" value={formatMoney(result.commission_amount, result.commission_currency)} />
            {(result.commission_type === "flat" || !result.items.length) && (
              <>
                <Stat label={result.commission_type === "flat" ? "Amount" : "Rate"} value={result.commission_type === "flat" ? formatMoney(result.commission_rate, result.commission_currency) : rate(result.commission_rate)} />
                <Stat label="Rule" value={rule(result.commission_rule_id)} />
              </>
            )}
          </div>
          {result.items.length > 0 && (
            <>
              {result.commission_type === "flat" && (
                <Text size="small" className="text-ui-fg-subtle">
                  A flat campaign pays per conversion: its items earn no commission of their own.
                </Text>
              )}
              <div className="-mx-6">
                <StaticTable
                  rows={result.items.map((item, i) => ({ ...item, id: String(i) }))}
                  columns={columns}
                  isLoading={false}
                  empty={{ heading: "No items", description: "" }}
                />
              </div>
            </>
          )}
        </div>
      )}
    </Container>
  )
}
