import { Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A form field: its label, the control (whose id is `id`) and an optional hint under it. */
export const Field = ({ label, id, hint, className, children }: { label: string; id: string; hint?: string; className?: string; children: ReactNode }) => (
  <div className={className ? `flex flex-col gap-y-2 ${className}` : "flex flex-col gap-y-2"}>
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    {children}
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
  </div>
)
