import type { AdminCommissionRule, AdminCreateCampaign } from "../../types/http"

/** The rule keys that match an item; a flat (or lead) campaign pays per conversion and may use none. */
export const ITEM_KEYS = ["sku", "product_id", "category", "collection"] as const
export type ItemKey = (typeof ITEM_KEYS)[number]

/** A rule as the editor holds it: lists as the comma-separated text typed, "" for a key not used. */
export type RuleDraft = {
  /** React's key: stable while rules move. */
  key: string
  /** The server's id, sent back so items recorded under the rule keep naming it. */
  id?: string
  name: string
  commission_value: string
  customer_type: "" | "new" | "returning"
  min_monthly_sales: string
} & Record<ItemKey, string>

let drafts = 0
const nextKey = () => `rule-${++drafts}`

export const emptyRule = (): RuleDraft => ({
  key: nextKey(),
  name: "",
  commission_value: "",
  sku: "",
  product_id: "",
  category: "",
  collection: "",
  customer_type: "",
  min_monthly_sales: "",
})

export function toRuleDrafts(rules: AdminCommissionRule[] | null | undefined): RuleDraft[] {
  return (rules ?? []).map((r) => ({
    ...emptyRule(),
    id: r.id,
    name: r.name ?? "",
    commission_value: String(r.commission_value),
    ...Object.fromEntries(ITEM_KEYS.map((k) => [k, (r.match[k] ?? []).join(", ")])),
    customer_type: r.match.customer_type ?? "",
    min_monthly_sales: r.match.min_monthly_sales ?? "",
  }))
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)

/** The rules as the API takes them, in order; a key left empty is left out (it matches anything). */
export function fromRuleDrafts(rules: RuleDraft[]): NonNullable<AdminCreateCampaign["commission_rules"]> {
  return rules.map((r) => {
    const match: AdminCommissionRule["match"] = {}
    for (const key of ITEM_KEYS) {
      const values = splitList(r[key])
      if (values.length) match[key] = values
    }
    if (r.customer_type) match.customer_type = r.customer_type
    if (r.min_monthly_sales.trim()) match.min_monthly_sales = r.min_monthly_sales.trim()
    return { ...(r.id ? { id: r.id } : {}), ...(r.name.trim() ? { name: r.name.trim() } : {}), match, commission_value: r.commission_value.trim() }
  })
}

/** How the dashboard names a rule: its name, else its place ("Rule 2"). */
export const ruleLabel = (rule: Pick<AdminCommissionRule, "name">, index: number) => rule.name || `Rule ${index + 1}`

/**
 * The rule an item or a conversion was recorded under, by name: null is the campaign's own rate; an
 * id the campaign no longer has is a rule removed since (the amount keeps the rate it had).
 */
export function ruleName(rules: AdminCommissionRule[] | undefined, id: string | null): string {
  if (!id) return "Campaign rate"
  const index = (rules ?? []).findIndex((r) => r.id === id)
  if (index === -1) return rules ? "A rule since removed" : id
  return ruleLabel(rules![index], index)
}
