import { defaultCurrencies, MathBN } from "@medusajs/framework/utils"

/** Decimal digits of a currency's minor unit (JPY 0, USD 2, KWD 3), or undefined if unknown. */
export function currencyDecimals(code: string): number | undefined {
  return defaultCurrencies[code.toUpperCase()]?.decimal_digits
}

export function isKnownCurrency(code: string): boolean {
  return currencyDecimals(code) !== undefined
}

/** A plain decimal of at least 0: no sign, exponent, comma or leading zeros; 18 integer digits at most. */
export const DECIMAL = /^(0|[1-9]\d{0,17})(\.\d+)?$/

/**
 * Checks an amount given as text: plain decimal, no sign, no exponent, no comma, and no more
 * decimals than the currency has. Returns the reason it is refused, or null.
 */
export function amountProblem(amount: string, currency: string): string | null {
  if (!DECIMAL.test(amount)) {
    return "must be a decimal number of at least 0 with a dot as decimal separator, e.g. 129.90"
  }
  const digits = currencyDecimals(currency)
  const decimals = amount.split(".")[1]?.length ?? 0
  if (digits !== undefined && decimals > digits) {
    return `has ${decimals} decimals but ${currency.toUpperCase()} has ${digits}`
  }
  return null
}

export type CommissionRule = {
  commission_type: "percentage" | "flat"
  commission_value: string | number
  currency_code?: string | null
}

/**
 * The commission an order earns, rounded half-up to the currency's minor unit. A percentage is of
 * the order total, in the order's currency; a flat amount is paid in the campaign's currency.
 */
export function computeCommission(
  rule: CommissionRule,
  orderTotal: string,
  orderCurrency: string
): { amount: string; currency: string } {
  if (rule.commission_type === "flat") {
    const currency = (rule.currency_code || orderCurrency).toLowerCase()
    const digits = currencyDecimals(currency) ?? 2
    return { amount: MathBN.convert(rule.commission_value, digits).toFixed(), currency }
  }
  const digits = currencyDecimals(orderCurrency) ?? 2
  const amount = MathBN.convert(MathBN.div(MathBN.mult(orderTotal, rule.commission_value), 100), digits)
  return { amount: amount.toFixed(), currency: orderCurrency.toLowerCase() }
}

/** An amount as a decimal string with exactly the currency's minor-unit decimals ("9" USD → "9.00"). */
export function formatAmount(amount: string | number, currency: string): string {
  return MathBN.convert(amount).toFixed(currencyDecimals(currency) ?? 2)
}

/** The precision Medusa's `bigNumber` columns keep in their `raw_*` twin. */
const RAW_PRECISION = 20

/** The `raw_*` column Medusa keeps beside a `bigNumber` one, for SQL that writes it directly. */
export const rawBigNumber = (value: string) => JSON.stringify({ value, precision: RAW_PRECISION })

/** The same, built in SQL from a decimal text expression (null stays null): for a statement that writes many rows. */
export const rawBigNumberSql = (text: string) =>
  `CASE WHEN ${text} IS NULL THEN NULL ELSE jsonb_build_object('value', ${text}, 'precision', ${RAW_PRECISION}) END`

/**
 * Decimal strings added exactly, one by one: MathBN.sum of a spread list would pass the engine's
 * argument limit for a long one (a payout's lines, a basket).
 */
export function sumAmounts(amounts: (string | number)[]): string {
  return amounts.reduce<ReturnType<typeof MathBN.convert>>((sum, a) => MathBN.add(sum, a), MathBN.convert(0)).toFixed()
}
