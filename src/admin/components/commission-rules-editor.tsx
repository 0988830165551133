import { ArrowDownMini, ArrowUpMini, Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { emptyRule, ITEM_KEYS, type ItemKey, type RuleDraft } from "../lib/commission-rules"
import { errorAt, type FieldErrors } from "../lib/field-errors"
import { formatMoney } from "../lib/format"
import { Field, invalidProps } from "./field"

/** At most this many rules (the API refuses more). */
const MAX_RULES = 50

// An empty condition matches anything: the placeholders say so.
const ITEM_FIELDS: Record<ItemKey, { label: string; placeholder: string }> = {
  sku: { label: "SKUs", placeholder: "Any SKU" },
  product_id: { label: "Product IDs", placeholder: "Any product" },
  category: { label: "Category handles", placeholder: "Any category" },
  collection: { label: "Collection handles", placeholder: "Any collection" },
}

const ANY = "any"

type CommissionRulesEditorProps = {
  rules: RuleDraft[]
  onChange: (rules: RuleDraft[]) => void
  commissionType: "percentage" | "flat"
  toolType: "sale" | "lead"
  /** The campaign's own commission as typed: what an item no rule matches earns. */
  campaignValue: string
  currency: string | null
  /** The API's problems, by path (`commission_rules.1.match.sku`). */
  errors: FieldErrors
}

/**
 * A campaign's ordered commission rules (contract, section 8): add, move up or down, remove. Each
 * rule's conditions (empty: any) and its rate, or, for a flat or lead campaign, its amount.
 */
export const CommissionRulesEditor = ({ rules, onChange, commissionType, toolType, campaignValue, currency, errors }: CommissionRulesEditorProps) => {
  // After a move, focus stays on the moved rule's button (or its other one at either end).
  const [moved, setMoved] = useState<{ key: string; direction: "up" | "down" } | null>(null)
  useEffect(() => {
    if (!moved) return
    const index = rules.findIndex((r) => r.key === moved.key)
    const atEnd = moved.direction === "up" ? index === 0 : index === rules.length - 1
    const direction = atEnd ? (moved.direction === "up" ? "down" : "up") : moved.direction
    document.getElementById(`${moved.key}-move-${direction}`)?.focus()
    setMoved(null)
  }, [moved, rules])

  const perConversion = commissionType === "flat"
  const update = (key: string, change: Partial<RuleDraft>) => onChange(rules.map((r) => (r.key === key ? { ...r, ...change } : r)))
  const move = (index: number, direction: "up" | "down") => {
    const to = direction === "up" ? index - 1 : index + 1
    const next = [...rules]
    ;[next[index], next[to]] = [next[to], next[index]]
    onChange(next)
    setMoved({ key: rules[index].key, direction })
  }
  const remove = (index: number) => {
    onChange(rules.filter((_, i) => i !== index))
    document.getElementById("add-commission-rule")?.focus()
  }
  const valueLabel = perConversion ? `Amount${currency ? ` (${currency.toUpperCase()})` : ""}` : "Commission (%)"

  return (
    <div className="flex flex-col gap-y-4">
      <Text size="small" className="text-ui-fg-subtle max-w-3xl">
        {perConversion
          ? `This campaign pays a flat amount per ${toolType === "lead" ? "lead" : "order"} (${formatMoney(campaignValue, currency)}): rules may match only the customer type and the affiliate's sales this month. The first rule that matches sets the amount instead.`
          : `Rules are tried in order: the first whose conditions all match an item sets that item's rate. Items no rule matches earn the campaign's ${campaignValue || "0"}%. A rule of 0 pays nothing for what it matches (gift cards, for example). Conversions keep the rate they were recorded with.`}{" "}
        {perConversion ? "" : "Lists are comma-separated: an item matches when it has one of them; an empty condition matches anything. "}
        "Monthly sales at least" is a performance tier: the affiliate's live sales in this campaign this calendar month (UTC), in
        the order's currency, before the order.
      </Text>
      {!rules.length && (
        <div className="bg-ui-bg-subtle rounded-lg p-4">
          <Text size="small">No rules: every {perConversion ? "conversion" : "item"} earns the campaign's commission.</Text>
        </div>
      )}
      <ol className="flex flex-col gap-y-3" aria-label="Commission rules">
        {rules.map((rule, i) => {
          const id = (field: string) => `${rule.key}-${field}`
          const error = (path: string) => errorAt(errors, `commission_rules.${i}.${path}`)
          const itemKeys = ITEM_KEYS.filter((k) => !perConversion || rule[k].trim() || error(`match.${k}`))
          return (
            <li
              key={rule.key}
              role="group"
              aria-labelledby={id("title")}
              data-rule-id={rule.id}
              className="shadow-elevation-card-rest flex flex-col gap-y-4 rounded-lg p-4"
            >
              <div className="flex items-center justify-between gap-x-2">
                <Text id={id("title")} size="small" weight="plus">
                  Rule {i + 1}
                </Text>
                <div className="flex gap-x-1">
                  <IconButton id={id("move-up")} type="button" size="small" variant="transparent" aria-label={`Move rule ${i + 1} up`} disabled={i === 0} onClick={() => move(i, "up")}>
                    <ArrowUpMini />
                  </IconButton>
                  <IconButton
                    id={id("move-down")}
                    type="button"
                    size="small"
                    variant="transparent"
                    aria-label={`Move rule ${i + 1} down`}
                    disabled={i === rules.length - 1}
                    onClick={() => move(i, "down")}
                  >
                    <ArrowDownMini />
                  </IconButton>
                  <IconButton type="button" size="small" variant="transparent" aria-label={`Remove rule ${i + 1}`} onClick={() => remove(i)}>
                    <Trash />
                  </IconButton>
                </div>
              </div>
              <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
                <Field label="Name" id={id("name")} error={error("name")} className="md:col-span-2">
                  <Input
                    id={id("name")}
                    value={rule.name}
                    maxLength={255}
                    placeholder={`Rule ${i + 1}`}
                    onChange={(e) => update(rule.key, { name: e.target.value })}
                    {...invalidProps(id("name"), error("name"))}
                  />
                </Field>
                <Field label={valueLabel} id={id("value")} error={error("commission_value")}>
                  <Input
                    id={id("value")}
                    inputMode="decimal"
                    value={rule.commission_value}
                    placeholder={perConversion ? "5.00" : "15"}
                    onChange={(e) => update(rule.key, { commission_value: e.target.value })}
                    {...invalidProps(id("value"), error("commission_value"))}
                  />
                </Field>
                <Field label="Customer type" id={id("customer-type")} error={error("match.customer_type")}>
                  <Select
                    value={rule.customer_type || ANY}
                    onValueChange={(v) => update(rule.key, { customer_type: v === ANY ? "" : (v as RuleDraft["customer_type"]) })}
                  >
                    <Select.Trigger id={id("customer-type")} {...invalidProps(id("customer-type"), error("match.customer_type"))}>
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value={ANY}>Any customer</Select.Item>
                      <Select.Item value="new">New customers</Select.Item>
                      <Select.Item value="returning">Returning customers</Select.Item>
                    </Select.Content>
                  </Select>
                </Field>
                {itemKeys.map((key) => (
                  <Field
                    key={key}
                    label={ITEM_FIELDS[key].label}
                    id={id(key)}
                    error={error(`match.${key}`)}
                    hint={perConversion ? "Not for a campaign that pays per conversion: clear it." : undefined}
                  >
                    <Input
                      id={id(key)}
                      value={rule[key]}
                      placeholder={ITEM_FIELDS[key].placeholder}
                      onChange={(e) => update(rule.key, { [key]: e.target.value })}
                      {...invalidProps(id(key), error(`match.${key}`))}
                    />
                  </Field>
                ))}
                <Field label="Monthly sales at least" id={id("min-monthly-sales")} error={error("match.min_monthly_sales")}>
                  <Input
                    id={id("min-monthly-sales")}
                    inputMode="decimal"
                    value={rule.min_monthly_sales}
                    placeholder="No minimum"
                    onChange={(e) => update(rule.key, { min_monthly_sales: e.target.value })}
                    {...invalidProps(id("min-monthly-sales"), error("match.min_monthly_sales"))}
                  />
                </Field>
              </div>
            </li>
          )
        })}
      </ol>
      <div>
        <Button id="add-commission-rule" type="button" size="small" variant="secondary" disabled={rules.length >= MAX_RULES} onClick={() => onChange([...rules, emptyRule()])}>
          <Plus />
          Add rule
        </Button>
      </div>
    </div>
  )
}
