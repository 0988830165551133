// Run by `npm run bench` through `medusa exec`: the same store the HTTP tests use (region, sales
// channel, publishable key, product, shipping, promotion), for placing real orders under load.
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { setupStore } from "../integration-tests/helpers/store"

export default async function seedStore({ container }: ExecArgs) {
  const setup = await setupStore(container)
  writeFileSync(process.env.STORE_OUTPUT || ".bench/store.json", JSON.stringify(setup, null, 2))
}
