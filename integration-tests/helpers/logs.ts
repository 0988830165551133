import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

const LEVELS = ["panic", "error", "warn", "info", "http", "debug", "log"] as const

/** A stack trace as Node prints one: "    at fn (file:line:col)". */
export const STACK_LINE = /\n\s+at .+(\(|:\d+:\d+)/

/**
 * Records, instead of writing it, what the app's logger is asked to write (every level, Error
 * objects with their stack), until `stop()`. Medusa, its error handler and the plugin all log through
 * this one logger, so this is the server log as an operator reads it.
 */
export function captureLogs(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<string, (...args: unknown[]) => unknown>
  const lines: { level: string; text: string }[] = []
  const spies = LEVELS.filter((level) => typeof logger[level] === "function").map((level) =>
    jest.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? String(a.stack) : typeof a === "string" ? a : JSON.stringify(a))).join(" ")
      lines.push({ level, text })
    }) as never)
  )
  return {
    lines: () => lines,
    text: () => lines.map((l) => `${l.level}: ${l.text}`).join("\n"),
    stop: () => spies.forEach((s) => s.mockRestore()),
  }
}
