import { Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A form field: its label, the control (whose id is `id`), an optional hint under it, and the API's
 * problem with it (give the control `aria-describedby={errorId(id)}` and `aria-invalid`).
 */
export const Field = ({
  label,
  id,
  hint,
  error,
  className,
  children,
}: {
  label: string
  id: string
  hint?: string
  error?: string
  className?: string
  children: ReactNode
}) => (
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
    {error && (
      <Text size="xsmall" className="text-ui-fg-error" id={errorId(id)} data-field-error={id}>
        {error}
      </Text>
    )}
  </div>
)

export const errorId = (id: string) => `${id}-error`

/** The props that tie a control to its field's problem, if it has one. */
export const invalidProps = (id: string, error: string | undefined) =>
  error ? { "aria-invalid": true as const, "aria-describedby": errorId(id) } : {}
