import { ChartLegend } from "./chart-legend"

export type BarSeries = { name: string; color: string }

const W = 640
const ROW = 26
const LABEL = 150
const PAD = { top: 8, right: 48, bottom: 8 }

/**
 * A small inline SVG bar chart (no chart library, like LineChart): a row per label, one bar per
 * series side by side, each value written at its end.
 */
export const BarChart = ({ title, rows, series }: { title: string; rows: { label: string; values: number[] }[]; series: BarSeries[] }) => {
  const max = Math.max(1, ...rows.flatMap((r) => r.values))
  const H = PAD.top + PAD.bottom + rows.length * ROW
  const bar = (ROW - 8) / series.length
  const width = (v: number) => ((W - LABEL - PAD.right) * v) / max
  return (
    <figure className="flex flex-col gap-y-2">
      <figcaption className="flex flex-wrap items-center gap-x-4">
        <ChartLegend title={title} series={series} />
      </figcaption>
      <svg role="img" aria-label={`${title} chart`} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full">
        {rows.map((row, i) => {
          const y = PAD.top + i * ROW
          return (
            <g key={row.label} data-bar={row.label}>
              <text x={LABEL - 8} y={y + ROW / 2 + 3} textAnchor="end" fontSize="11" fill="currentColor">
                {row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label}
                <title>{row.label}</title>
              </text>
              {row.values.map((v, j) => (
                <g key={series[j].name}>
                  <rect x={LABEL} y={y + 4 + j * bar} width={Math.max(width(v), v ? 2 : 0)} height={bar - 1} rx={2} fill={series[j].color} />
                  <text x={LABEL + width(v) + 4} y={y + 4 + j * bar + bar - 3} fontSize="9" fill="currentColor" opacity={0.7}>
                    {v}
                  </text>
                </g>
              ))}
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
