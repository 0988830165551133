import { MathBN } from "@medusajs/framework/utils"
import { type CommissionRule, ITEM_MATCH_KEYS } from "./commission"
import { entityId } from "./entity-id"
import { amountProblem, type CommissionRule as CampaignRate, DECIMAL, isKnownCurrency } from "./money"

const PERCENT_DECIMALS = 4

export type RuleIssue = { path: "commission_value" | "currency_code" | "commission_type"; message: string }

/**
 * What is wrong with a commission rule, field by field: a percentage is 0-100 with at most four
 * decimals; a flat amount needs a known currency and no more decimals than it has; a lead
 * campaign's commission is flat (a lead has no order total to take a percentage of). Decimal
 * strings are compared with MathBN, never as floats. Used for creates and for merged updates.
 */
export function commissionRuleIssues(rule: CampaignRate & { tool_type?: "sale" | "lead" }): RuleIssue[] {
  if (rule.tool_type === "lead" && rule.commission_type !== "flat") {
    return [{ path: "commission_type", message: "commission_type must be flat for a lead campaign: a lead has no order total" }]
  }
  const value = String(rule.commission_value)
  if (!DECIMAL.test(value)) {
    return [{ path: "commission_value", message: "commission_value must be a decimal number of at least 0, e.g. 10 or \"12.5\"" }]
  }
  if (rule.commission_type === "percentage") {
    if (MathBN.gt(value, 100)) {
      return [{ path: "commission_value", message: "commission_value must be at most 100 for a percentage commission" }]
    }
    if ((value.split(".")[1]?.length ?? 0) > PERCENT_DECIMALS) {
      return [{ path: "commission_value", message: `commission_value has more than ${PERCENT_DECIMALS} decimals` }]
    }
    return []
  }
  if (!rule.currency_code) {
    return [{ path: "currency_code", message: "currency_code is required for a flat commission" }]
  }
  if (!isKnownCurrency(rule.currency_code)) {
    return [{ path: "currency_code", message: `currency_code ${rule.currency_code} is not a known ISO 4217 currency` }]
  }
  const problem = amountProblem(value, rule.currency_code)
  return problem ? [{ path: "commission_value", message: `commission_value ${problem}` }] : []
}

/** A campaign's rules as an admin (or a host's code) sends them: ids are the server's to assign. */
export type CommissionRuleInput = Omit<CommissionRule, "id"> & { id?: string }

export const MAX_COMMISSION_RULES = 50

export type RulesIssue = { path: (string | number)[]; message: string }

/**
 * What is wrong with a campaign's rules, once merged with the campaign they will belong to: each
 * rule's value follows the campaign's own commission type (a percentage of 0-100, or a flat amount
 * in its currency), and a flat or lead campaign pays per conversion, so its rules may match only
 * the customer type and the monthly sales, never an item.
 */
export function commissionRulesIssues(
  rules: CommissionRuleInput[],
  campaign: { commission_type: "percentage" | "flat"; currency_code?: string | null; tool_type?: "sale" | "lead" }
): RulesIssue[] {
  const issues: RulesIssue[] = []
  if (rules.length > MAX_COMMISSION_RULES) issues.push({ path: ["commission_rules"], message: `commission_rules holds at most ${MAX_COMMISSION_RULES} rules` })
  rules.forEach((rule, i) => {
    for (const issue of commissionRuleIssues({ ...campaign, commission_value: rule.commission_value })) {
      if (issue.path === "commission_value") issues.push({ path: ["commission_rules", i, "commission_value"], message: issue.message.replace(/^commission_value/, `commission_rules[${i}].commission_value`) })
    }
    if (campaign.commission_type === "flat") {
      for (const key of ITEM_MATCH_KEYS) {
        if (rule.match[key] !== undefined) {
          issues.push({
            path: ["commission_rules", i, "match", key],
            message: `commission_rules[${i}].match.${key}: a flat${campaign.tool_type === "lead" ? " (lead)" : ""} campaign pays per conversion, so its rules may match only customer_type and min_monthly_sales`,
          })
        }
      }
    }
    const minimum = rule.match.min_monthly_sales
    if (minimum !== undefined && !DECIMAL.test(minimum)) {
      issues.push({ path: ["commission_rules", i, "match", "min_monthly_sales"], message: `commission_rules[${i}].match.min_monthly_sales must be a decimal string of at least 0, e.g. "5000.00"` })
    }
  })
  return issues
}

/**
 * The rules with their ids: a rule that names an id the campaign already has keeps it (so items
 * recorded under it still name it); any other gets a new one.
 */
export function withRuleIds(rules: CommissionRuleInput[], existing: CommissionRule[]): CommissionRule[] {
  const known = new Set(existing.map((r) => r.id))
  return rules.map(({ id, name, match, commission_value }) => ({
    id: id && known.has(id) ? id : entityId("acrl"),
    ...(name ? { name } : {}),
    match,
    commission_value: MathBN.convert(commission_value).toFixed(),
  }))
}
