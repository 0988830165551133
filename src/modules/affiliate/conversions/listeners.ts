/** Who wanted word of a new conversion when it was recorded (sql/listeners.ts). */
export type ConversionListeners = { webhooks: boolean; partner_mail: boolean }

/**
 * The listeners of the conversions this process's S2S calls created lately, as each call's one read
 * found them. Where the plugin's subscribers run in the same process (a single Medusa instance)
 * they read them here instead of asking the database again: two statements fewer for each S2S
 * conversion (README, "Performance"). A subscriber in another process (a separate worker) finds
 * nothing here and asks. Bounded: where no subscriber runs, nobody reads them, and the oldest go.
 */
export class RecentConversionListeners {
  private readonly entries = new Map<string, ConversionListeners>()

  constructor(private readonly max = 10_000) {}

  remember(conversionId: string, listeners: ConversionListeners): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(conversionId, listeners)
  }

  get(conversionId: string): ConversionListeners | undefined {
    return this.entries.get(conversionId)
  }
}
