import path from "node:path"
import { fileURLToPath } from "node:url"

// `next` and React come from the plugin repository's node_modules, two levels up.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..")

/** @type {import('next').NextConfig} */
export default {
  outputFileTracingRoot: root,
  turbopack: { root },
  // Type errors fail the build: the README's snippets are type-checked here.
  typescript: { ignoreBuildErrors: false },
}
