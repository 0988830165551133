/** A chart's caption: its title and a coloured dot per series, with `suffix` (a hovered value) after each name. */
export const ChartLegend = ({ title, series, suffix }: { title: string; series: { name: string; color: string }[]; suffix?: (index: number) => string }) => (
  <>
    <span className="txt-compact-small-plus">{title}</span>
    {series.map((s, i) => (
      <span key={s.name} className="txt-compact-xsmall text-ui-fg-subtle flex items-center gap-x-1">
        <span className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
        {s.name}
        {suffix?.(i)}
      </span>
    ))}
  </>
)
