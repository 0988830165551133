import { useState } from "react"
import { ChartLegend } from "./chart-legend"

export type ChartSeries = { name: string; color: string; values: number[] }

const W = 640
const H = 180
const PAD = { top: 12, right: 12, bottom: 24, left: 44 }

function niceMax(max: number) {
  if (max <= 0) return 1
  const step = 10 ** Math.floor(Math.log10(max))
  return Math.ceil(max / step) * step
}

/** A small inline SVG line chart (no chart library): one x label per day, hover shows the values. */
export const LineChart = ({
  title,
  labels,
  series,
  format = (v) => String(v),
}: {
  title: string
  labels: string[]
  series: ChartSeries[]
  format?: (v: number) => string
}) => {
  const [hover, setHover] = useState<number | null>(null)
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)))
  const n = labels.length
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (n - 1))
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max)
  const every = Math.max(1, Math.ceil(n / 7))
  return (
    <figure className="flex flex-col gap-y-2">
      <figcaption className="flex flex-wrap items-center gap-x-4">
        <ChartLegend title={title} series={series} suffix={(i) => (hover !== null ? `: ${format(series[i].values[hover] ?? 0)}` : "")} />
        {hover !== null && <span className="txt-compact-xsmall text-ui-fg-muted">{labels[hover]}</span>}
      </figcaption>
      <svg
        role="img"
        aria-label={`${title} chart`}
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        onMouseLeave={() => setHover(null)}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect()
          const px = ((e.clientX - box.left) / box.width) * W
          const i = Math.round(((px - PAD.left) / (W - PAD.left - PAD.right)) * (n - 1))
          setHover(i >= 0 && i < n ? i : null)
        }}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="var(--border-base, #e4e4e7)" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="10" fill="currentColor" opacity={0.6}>
              {format(max * f)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 || i === n - 1 ? (
            <text key={l} x={x(i)} y={H - 6} textAnchor="middle" fontSize="10" fill="currentColor" opacity={0.6}>
              {l.slice(5)}
            </text>
          ) : null
        )}
        {series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
          />
        ))}
        {hover !== null && <line x1={x(hover)} x2={x(hover)} y1={PAD.top} y2={H - PAD.bottom} stroke="currentColor" opacity={0.2} />}
      </svg>
    </figure>
  )
}
