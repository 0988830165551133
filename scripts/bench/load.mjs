// The load every benchmark scenario runs: autocannon, 20 connections, 10 s (BENCH_DURATION), after
// 2 s of the same load that are not counted (BENCH_WARMUP).
import autocannon from "autocannon"

export const CONNECTIONS = 20
export const DURATION = Number(process.env.BENCH_DURATION || 10)
/**
 * The steady state, as a server that has been up a while answers: without it the first scenario
 * of each path also measured V8 compiling it and each pooled connection preparing its statements
 * (a first S2S load ran 7 – 13 % slower than a second one right after it, its p99 16 – 21 ms higher).
 */
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

/**
 * Runs one scenario; a redirect (302) counts as an answer, not an error. `clock` gives the
 * server's time, for the profile's window: the counted load's, less a second at each end.
 */
export async function measureLoad(name, options, clock = () => 0) {
  const from = clock()
  const warmup = WARMUP > 0 ? { warmup: { connections: CONNECTIONS, duration: WARMUP } } : {}
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...warmup, ...options })
  const errors = result.non2xx - (result.statusCodeStats?.["302"]?.count ?? 0) + result.errors
  const window = [from + WARMUP * 1000 + 1000, clock() - 1000]
  return { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors, window }
}
