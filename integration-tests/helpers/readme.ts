import { readFileSync } from "node:fs"
import path from "node:path"

const README = readFileSync(path.join(__dirname, "../../README.md"), "utf8")

/** The fenced code blocks under the README heading `heading` (up to the next heading). */
export function readmeBlocks(heading: string): { lang: string; code: string }[] {
  const start = README.indexOf(`\n${heading}\n`)
  if (start === -1) throw new Error(`README has no heading ${heading}`)
  const rest = README.slice(start + heading.length + 2)
  const section = rest.slice(0, rest.search(/\n#{2,3} /) === -1 ? undefined : rest.search(/\n#{2,3} /))
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }))
}

/** Splits a shell command into words as POSIX sh would for these snippets (quotes, `\` newlines). */
function shellWords(command: string): string[] {
  const words: string[] = []
  for (const m of command.replace(/\\\n/g, " ").matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    words.push(m[1] ?? m[2]?.replace(/\\(.)/g, "$1") ?? m[3])
  }
  return words
}

/**
 * The README's `curl` commands as fetch requests, exactly as curl would send them: `-X`, `-H`,
 * and `-d` (several `-d` are joined with `&`; any `-d` makes a form POST unless a Content-Type is set).
 */
export function curlRequests(script: string): { url: string; init: RequestInit }[] {
  const commands = script.split(/\n(?=curl )/).filter((c) => c.startsWith("curl "))
  return commands.map((command) => {
    const words = shellWords(command.replace(/^#.*$/gm, ""))
    const headers: Record<string, string> = {}
    const data: string[] = []
    let method = "GET"
    let url = ""
    for (let i = 1; i < words.length; i++) {
      const w = words[i]
      if (w === "-X") method = words[++i]
      else if (w === "-H") {
        const [name, ...value] = words[++i].split(":")
        headers[name.trim()] = value.join(":").trim()
      } else if (w === "-d") data.push(words[++i])
      else if (!w.startsWith("-")) url = w
    }
    if (data.length && method === "GET") method = "POST"
    if (data.length && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["Content-Type"] = "application/x-www-form-urlencoded"
    }
    return { url, init: { method, headers, body: data.length ? data.join("&") : undefined } }
  })
}
