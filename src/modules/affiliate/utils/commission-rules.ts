import { MathBN } from "@medusajs/framework/utils"
import { amountProblem, CommissionRule, DECIMAL, isKnownCurrency } from "./money"

const PERCENT_DECIMALS = 4

export type RuleIssue = { path: "commission_value" | "currency_code" | "commission_type"; message: string }

/**
 * What is wrong with a commission rule, field by field: a percentage is 0-100 with at most four
 * decimals; a flat amount needs a known currency and no more decimals than it has; a lead
 * campaign's commission is flat (a lead has no order total to take a percentage of). Decimal
 * strings are compared with MathBN, never as floats. Used for creates and for merged updates.
 */
export function commissionRuleIssues(rule: CommissionRule & { tool_type?: "sale" | "lead" }): RuleIssue[] {
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
