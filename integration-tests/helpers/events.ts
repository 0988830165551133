import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"

/**
 * Resolves once `event`'s subscribers have run. Register it before the action that emits the
 * event. A minute, not the runner's 15 s: completing a cart on a busy 2-core machine can take that
 * long, and a timeout here would blame the plugin for the machine.
 */
export function subscribersDone(container: { resolve: (key: string) => unknown }, event: string) {
  return TestEventUtils.waitSubscribersExecution(event, container.resolve(Modules.EVENT_BUS) as any, { timeout: 60_000 })
}
