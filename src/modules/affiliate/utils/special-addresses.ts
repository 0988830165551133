import { BlockList, isIP } from "node:net"

/**
 * Which IP addresses belong to a host's own network rather than the internet, for the target guard
 * (`target-guard.ts`): the address, however it was written, and the IPv4 address an IPv6 one
 * carries.
 */

/*
 * Every IANA special-purpose block that is not globally reachable (iana.org/assignments/
 * iana-ipv4-special-registry and iana-ipv6-special-registry), plus multicast.
 */
const IPV4_BLOCKS: [string, number, string][] = [
  ["0.0.0.0", 8, "an unspecified (this-network) address"],
  ["10.0.0.0", 8, "a private address"],
  ["100.64.0.0", 10, "a carrier-grade NAT address"],
  ["127.0.0.0", 8, "a loopback address"],
  ["169.254.0.0", 16, "a link-local address (cloud metadata lives here)"],
  ["172.16.0.0", 12, "a private address"],
  ["192.0.0.0", 24, "an IETF protocol address"],
  ["192.0.2.0", 24, "a documentation address"],
  ["192.88.99.0", 24, "a 6to4 relay address"],
  ["192.168.0.0", 16, "a private address"],
  ["198.18.0.0", 15, "a benchmarking address"],
  ["198.51.100.0", 24, "a documentation address"],
  ["203.0.113.0", 24, "a documentation address"],
  ["224.0.0.0", 4, "a multicast address"],
  ["240.0.0.0", 4, "a reserved address"],
]
const IPV6_BLOCKS: [string, number, string][] = [
  // Also `::` (unspecified), `::1` (loopback) and the deprecated IPv4-compatible `::a.b.c.d`.
  ["::", 96, "an unspecified, loopback or IPv4-compatible address"],
  ["64:ff9b:1::", 48, "a local-use NAT64 address"],
  ["100::", 64, "a discard address"],
  ["2001::", 23, "an IETF protocol address"],
  ["2001:db8::", 32, "a documentation address"],
  ["3fff::", 20, "a documentation address"],
  ["5f00::", 16, "a segment-routing address"],
  ["fc00::", 7, "a unique-local (private) address"],
  ["fe80::", 10, "a link-local address"],
  ["fec0::", 10, "a site-local address"],
  ["ff00::", 8, "a multicast address"],
]

function blockList(blocks: [string, number, string][], type: "ipv4" | "ipv6") {
  return blocks.map(([network, prefix, label]) => {
    const list = new BlockList()
    list.addSubnet(network, prefix, type)
    return { list, label }
  })
}
const V4 = blockList(IPV4_BLOCKS, "ipv4")
const V6 = blockList(IPV6_BLOCKS, "ipv6")

/** The eight 16-bit words of an IPv6 address (`::` expanded, a trailing dotted quad included). */
function ipv6Words(address: string): number[] {
  let text = address
  const quad = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/)
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number)
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null]
  const words = (part: string) => (part ? part.split(":").map((w) => parseInt(w, 16)) : [])
  const front = words(head)
  const back = tail === null ? [] : words(tail)
  return [...front, ...Array(8 - front.length - back.length).fill(0), ...back]
}

const wordsToIpv4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join(".")

/**
 * The IPv4 address an IPv6 one carries to the IPv4 network: IPv4-mapped (`::ffff:a.b.c.d`),
 * NAT64 (`64:ff9b::a.b.c.d`, what DNS64 answers on IPv6-only hosts) and 6to4 (`2002:AABB:CCDD::`).
 */
function embeddedIpv4(address: string): string | null {
  const w = ipv6Words(address)
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0)
  if (zeros(0, 5) && w[5] === 0xffff) return wordsToIpv4(w[6], w[7])
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return wordsToIpv4(w[6], w[7])
  if (w[0] === 0x2002) return wordsToIpv4(w[1], w[2])
  return null
}

/** Why an IP address is not a public one (e.g. "a loopback address"), or null when it is. */
export function addressProblem(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "")
  const family = isIP(bare)
  if (family === 4) return V4.find((b) => b.list.check(bare, "ipv4"))?.label ?? null
  if (family !== 6) return "not an IP address"
  const carried = embeddedIpv4(bare)
  if (carried) {
    const label = addressProblem(carried)
    return label ? `${label} (${carried}, inside an IPv6 address)` : null
  }
  return V6.find((b) => b.list.check(bare, "ipv6"))?.label ?? null
}
