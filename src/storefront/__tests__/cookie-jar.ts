import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies"
import {
  MutableRequestCookiesAdapter,
  RequestCookiesAdapter,
} from "next/dist/server/web/spec-extension/adapters/request-cookies"

/**
 * `cookies()` as Next.js hands it to a server action or route handler: the request's cookies,
 * writable; `setCookies` collects the Set-Cookie lines the response will carry.
 */
export function serverActionCookies(cookieHeader = "") {
  const setCookies: string[] = []
  const store = MutableRequestCookiesAdapter.wrap(new RequestCookies(new Headers({ cookie: cookieHeader })), (lines) =>
    setCookies.push(...lines)
  )
  return { store, setCookies }
}

/** `cookies()` as Next.js hands it to a server component: read-only, every write throws. */
export function serverComponentCookies(cookieHeader: string) {
  return RequestCookiesAdapter.seal(new RequestCookies(new Headers({ cookie: cookieHeader })))
}

/**
 * `document.cookie` as a browser implements it for one page: assigning adds or replaces one
 * cookie (Max-Age=0 deletes it, HttpOnly from a script is refused), reading lists the pairs.
 */
export class BrowserDocument {
  private jar = new Map<string, string>()
  written: string[] = []

  get cookie() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ")
  }

  set cookie(line: string) {
    this.written.push(line)
    const [pair, ...attributes] = line.split(";").map((s) => s.trim())
    const eq = pair.indexOf("=")
    const name = pair.slice(0, eq)
    if (attributes.some((a) => a.toLowerCase() === "httponly")) return
    if (attributes.some((a) => /^max-age=(0|-)/i.test(a))) this.jar.delete(name)
    else this.jar.set(name, pair.slice(eq + 1))
  }
}
