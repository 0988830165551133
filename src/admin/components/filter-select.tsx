import { Select } from "@medusajs/ui"

/** A labelled filter; "all" means no filter (Radix refuses an empty item value). */
export const FilterSelect = ({
  label,
  value,
  onChange,
  options,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  options: { value: string; label: string }[]
}) => (
  <div className="flex flex-col gap-y-1">
    <span className="txt-compact-xsmall-plus text-ui-fg-subtle">{label}</span>
    <Select size="small" value={value} onValueChange={onChange}>
      <Select.Trigger aria-label={label} className="min-w-[140px]">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value="all">All</Select.Item>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

/** The query a set of filters gives: "all" and empty values are left out. */
export function filterQuery(filters: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v && v !== "all"))
}
