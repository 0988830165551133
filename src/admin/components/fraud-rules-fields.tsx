import { Checkbox, Heading, Input, Label, Switch, Text } from "@medusajs/ui"
import type { AdminFraudRules, AdminSignalCode } from "../../types/http"
import { SIGNAL_LABELS } from "../lib/signals"
import { Field } from "./field"

/** The contract's defaults (contract, section 11), for a new campaign. */
export const DEFAULT_FRAUD_RULES: AdminFraudRules = {
  fast_conversion_seconds: 10,
  ip_velocity_per_hour: 10,
  forbid_paid_search: false,
  leaked_code_share: 0.5,
  disabled: [],
}

/**
 * The campaign's trust settings: the unique-click window and the fraud signals' thresholds, which
 * signals it raises, and whether it forbids paid search. A raised signal holds a conversion for review.
 */
export const FraudRulesFields = ({
  windowMinutes,
  onWindowChange,
  rules,
  onChange,
  error,
}: {
  windowMinutes: number
  onWindowChange: (minutes: number) => void
  rules: AdminFraudRules
  onChange: (rules: AdminFraudRules) => void
  error: (path: string) => string | undefined
}) => {
  const set = <K extends keyof AdminFraudRules>(key: K, value: AdminFraudRules[K]) => onChange({ ...rules, [key]: value })
  const toggle = (code: AdminSignalCode, on: boolean) =>
    set("disabled", on ? rules.disabled.filter((c) => c !== code) : [...rules.disabled, code])
  return (
    <section aria-label="Trust" className="flex flex-col gap-y-4">
      <Heading level="h3">Trust</Heading>
      <Field
        label="Unique-Click Window (minutes)"
        id="unique-click-window"
        hint="A repeat visit by the same visitor (IP address and browser) through the same link within this time reuses the first click and its token: it counts as a click, not as a unique click. 0: every visit is a new click."
        error={error("unique_click_window_minutes")}
      >
        <Input id="unique-click-window" type="number" min={0} max={10080} value={String(windowMinutes)} onChange={(e) => onWindowChange(Number(e.target.value))} />
      </Field>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field label="Fast Conversion (seconds)" id="fast-conversion" hint="A conversion this soon after its click is flagged." error={error("fraud_rules.fast_conversion_seconds")}>
          <Input id="fast-conversion" type="number" min={0} value={String(rules.fast_conversion_seconds)} onChange={(e) => set("fast_conversion_seconds", Number(e.target.value))} />
        </Field>
        <Field label="Conversions per IP per Hour" id="ip-velocity" hint="More than this from one IP address in an hour, for one affiliate, is flagged." error={error("fraud_rules.ip_velocity_per_hour")}>
          <Input id="ip-velocity" type="number" min={1} value={String(rules.ip_velocity_per_hour)} onChange={(e) => set("ip_velocity_per_hour", Number(e.target.value))} />
        </Field>
        <Field label="Leaked Code Share (%)" id="leaked-code-share" hint="A code's orders without a click from its affiliate above this share are flagged." error={error("fraud_rules.leaked_code_share")}>
          <Input
            id="leaked-code-share"
            type="number"
            min={0}
            max={100}
            value={String(Math.round(rules.leaked_code_share * 100))}
            onChange={(e) => set("leaked_code_share", Number(e.target.value) / 100)}
          />
        </Field>
      </div>
      <div className="flex items-start gap-x-3">
        <Switch id="forbid-paid-search" checked={rules.forbid_paid_search} onCheckedChange={(on) => set("forbid_paid_search", on)} />
        <div className="flex flex-col">
          <Label htmlFor="forbid-paid-search" size="small" weight="plus">
            Forbid Paid Search
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            A click that came from a search ad (gclid, msclkid on the link) is flagged: affiliates may not bid on your brand.
          </Text>
        </div>
      </div>
      <fieldset className="flex flex-col gap-y-2">
        <legend className="txt-compact-small-plus mb-2">Signals this campaign raises</legend>
        <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
          {(Object.keys(SIGNAL_LABELS) as AdminSignalCode[]).map((code) => (
            <div key={code} className="flex items-center gap-x-2">
              <Checkbox id={`signal-${code}`} checked={!rules.disabled.includes(code)} onCheckedChange={(on) => toggle(code, on === true)} />
              <Label htmlFor={`signal-${code}`} size="small">
                {SIGNAL_LABELS[code]}
              </Label>
            </div>
          ))}
        </div>
      </fieldset>
    </section>
  )
}
