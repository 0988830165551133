import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import type { AdminCommissionRule, AdminConversionItem } from "../../types/http"
import { ruleName } from "../lib/commission-rules"
import { formatMoney } from "../lib/format"
import { ConversionStatusBadge } from "./badges"
import { StaticTable } from "./static-table"

const column = createDataTableColumnHelper<AdminConversionItem>()

type ConversionItemsProps = {
  items: AdminConversionItem[]
  /** The campaign's rules, to name each item's rule; undefined while they load. */
  rules: AdminCommissionRule[] | undefined
  currency: string
  commissionCurrency: string
  /** A narrow list (the order page's side column) instead of a table. */
  compact?: boolean
}

const itemValue = (item: AdminConversionItem, currency: string) =>
  `${formatMoney(item.item_value, currency)}${item.quantity > 1 ? ` (${item.quantity} units)` : ""}`
const where = (item: AdminConversionItem) => [...(item.category ?? []), item.collection].filter(Boolean).join(" · ")
/** A flat campaign pays per conversion: its items have no commission of their own. */
const commission = (item: AdminConversionItem, currency: string) => (item.commission_amount === null ? "Per conversion" : formatMoney(item.commission_amount, currency))

/** What a conversion sold: each item with its value, the rule it was recorded under and its commission. */
export const ConversionItems = ({ items, rules, currency, commissionCurrency, compact = false }: ConversionItemsProps) => {
  if (compact) {
    return (
      <ul className="flex flex-col gap-y-2" aria-label="Items">
        {items.map((item) => (
          <li key={item.id} className="flex items-start justify-between gap-x-3" data-item-sku={item.sku}>
            <div className="flex min-w-0 flex-col">
              <code className="txt-compact-small font-mono break-all">{item.sku}</code>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {itemValue(item, currency)} · {ruleName(rules, item.rule_id)}
                {item.status === "rejected" ? " · rejected" : ""}
              </Text>
            </div>
            <Text size="small" className="whitespace-nowrap">
              {commission(item, commissionCurrency)}
            </Text>
          </li>
        ))}
      </ul>
    )
  }
  const columns = [
    column.accessor("sku", {
      header: "Item",
      cell: ({ row }) => (
        <div className="flex flex-col" data-item-sku={row.original.sku}>
          <code className="font-mono">{row.original.sku}</code>
          <span className="txt-compact-xsmall text-ui-fg-subtle">{where(row.original)}</span>
        </div>
      ),
    }),
    column.accessor("item_value", { header: "Value", cell: ({ row }) => itemValue(row.original, currency) }),
    column.accessor("rule_id", { header: "Rule", cell: ({ getValue }) => ruleName(rules, getValue()) }),
    column.accessor("commission_amount", { header: "Commission", align: "right", cell: ({ row }) => commission(row.original, commissionCurrency) }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <ConversionStatusBadge status={getValue()} /> }),
  ]
  return <StaticTable rows={items} columns={columns} isLoading={false} empty={{ heading: "No items", description: "" }} />
}
