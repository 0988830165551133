/** The S2S endpoint's parameters for a sale campaign, as documented to integrators (admin setup tab, README). */
export const S2S_PARAMETERS = [
  { name: "api_key", required: true, description: "The campaign's API key. May instead be sent in the X-API-Key header or as Authorization: Bearer <key>." },
  { name: "click_token", required: true, description: "The click_token from the landing URL, exactly as received (case-sensitive, at most 128 characters)." },
  { name: "order_id", required: true, description: "Your own order reference (1-255 characters). Unique per campaign: a repeat answers duplicate. For a lead campaign: the lead's own reference (a sign-up or form id)." },
  { name: "order_total", required: true, description: "Order total as a decimal string or JSON number, at least 0, dot as separator, no more decimals than the currency has. With items it may be left out (it is their sum) and must equal their sum when given. Optional for a lead campaign." },
  { name: "order_currency", required: true, description: "ISO 4217 currency code, any case (USD, eur, JPY). Optional for a lead campaign (its own currency is used)." },
  { name: "consent", required: false, description: "granted or denied. A call counts as granted unless it says denied; denied records nothing." },
  { name: "limited_data_use", required: false, description: "true to record the money and attribution only: no user agent, IP, device or metadata is stored." },
  { name: "user_agent", required: false, description: "The shopper's browser user agent, if you want device reporting." },
  { name: "ip", required: false, description: "The shopper's IP address; stored only as a keyed hash." },
  { name: "device_type", required: false, description: "desktop, mobile, tablet, bot or other." },
  { name: "context", required: false, description: "Free text about where the conversion happened (e.g. checkout, app)." },
  { name: "occurred_at", required: false, description: "ISO 8601 time with a time zone; not before the click, not in the future." },
  { name: "metadata", required: false, description: "Object of custom string keys to scalar values (at most 10 KB). In forms and query strings: metadata[key]=value." },
  { name: "test", required: false, description: "true records a test conversion: shown apart, never commissionable." },
  { name: "items", required: false, description: "What was sold, 1-100 lines, each { sku, item_value (its units' total after discounts, excluding tax and shipping), quantity?, product_id?, category?, collection?, metadata? }: commission rules pay by product, category and collection. In forms and query strings: items[0][sku]=…&items[0][item_value]=…. Not for a lead campaign." },
  { name: "customer_type", required: false, description: "new or returning: commission rules may pay new customers differently." },
] as const

export const S2S_PARAMETER_NAMES: ReadonlySet<string> = new Set(S2S_PARAMETERS.map((p) => p.name))

/** What a lead campaign's setup says instead: a lead has a reference, and no order total. */
const LEAD_PARAMETERS: Record<string, { required: boolean; description: string }> = {
  order_id: { required: true, description: "The lead's own reference (a sign-up or form id, 1-255 characters). Unique per campaign: the same lead again answers duplicate." },
  order_total: { required: false, description: "Not needed for a lead: the commission is flat. If you send a value, send order_currency with it." },
  order_currency: { required: false, description: "Not needed for a lead: the campaign's currency is used. ISO 4217, any case." },
}

/** The parameter table of a campaign's setup, for its tool type. */
export function s2sParametersFor(toolType: "sale" | "lead") {
  return S2S_PARAMETERS.map(({ name, required, description }) => ({
    name,
    ...(toolType === "lead" && LEAD_PARAMETERS[name] ? LEAD_PARAMETERS[name] : { required, description }),
  }))
}
