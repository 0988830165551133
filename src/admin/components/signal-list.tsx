import { Badge, Button, Text } from "@medusajs/ui"
import type { AdminSignal, AdminSignalCode } from "../../types/http"
import { SIGNAL_LABELS } from "../lib/signals"

/**
 * A conversion's fraud signals: each with its reason and evidence, and, when `onTrust` is given,
 * "Trust this affiliate for this signal".
 */
export const SignalList = ({
  signals,
  onTrust,
  trusting,
}: {
  signals: AdminSignal[]
  onTrust?: (code: AdminSignalCode) => void
  trusting?: boolean
}) => {
  if (!signals.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No fraud signals.
      </Text>
    )
  }
  return (
    <ul className="flex flex-col gap-y-2" aria-label="Fraud signals">
      {signals.map((s) => (
        <li key={s.code} data-signal={s.code} className="flex flex-wrap items-start justify-between gap-2">
          <div className="flex flex-col gap-y-1">
            <Badge size="2xsmall" color="orange" className="w-fit">
              {SIGNAL_LABELS[s.code] ?? s.code}
            </Badge>
            <Text size="small">{s.reason}</Text>
            {Object.keys(s.evidence).length > 0 && (
              <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                {Object.entries(s.evidence)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(" · ")}
              </Text>
            )}
          </div>
          {onTrust && (
            <Button size="small" variant="secondary" disabled={trusting} onClick={() => onTrust(s.code)}>
              Trust this affiliate for this signal
            </Button>
          )}
        </li>
      ))}
    </ul>
  )
}
