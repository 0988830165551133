import type { MedusaContainer } from "@medusajs/framework/types"

export type AnyWorkflow = (container: MedusaContainer) => {
  insertActionAfter: (existing: string, action: string, handler: { invoke: () => Promise<never> }) => unknown
  run: (args: { input: any; throwOnError: false }) => Promise<{ errors: { error: { message: string } }[] }>
}

/**
 * Runs `workflow` with a step inserted right after `afterStep` that always fails (as Medusa's own
 * workflow tests force a failure), so every step up to it is compensated and none after it runs.
 * Fails the test unless the forced failure is the only error: a real error would hide the rollback.
 */
export async function runFailingAfter(container: MedusaContainer, workflow: AnyWorkflow, afterStep: string, input: unknown) {
  const run = workflow(container)
  run.insertActionAfter(afterStep, "fail-for-test", {
    invoke: async () => {
      throw new Error("forced failure")
    },
  })
  const { errors } = await run.run({ input, throwOnError: false })
  expect(errors.map((e) => e.error.message)).toEqual(["forced failure"])
}
