/**
 * Lets this suite's outbound calls reach its receivers on loopback: outbound targets in the host's
 * own network are refused unless `allowPrivateTargets` is on (README, "Outbound S2S"). Call it at
 * the top of a suite file, before the app boots; the variable is put back after the suite.
 */
export function allowPrivateTargets() {
  const previous = process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS
  process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS = "true"
  afterAll(() => {
    if (previous === undefined) delete process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS
    else process.env.AFFILIATE_ALLOW_PRIVATE_TARGETS = previous
  })
}
