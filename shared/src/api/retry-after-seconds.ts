/**
 * Seconds to wait before sending a request again, from a 503's Retry-After header (seconds, or an HTTP
 * date), kept between `min` and `max`; `fallback` when the header is absent or unreadable. One reading of
 * the header for the pane's outbox and `pts submit`.
 */
export function retryAfterSeconds(header: string | null, options: { fallback: number; min: number; max: number }, now = Date.now()): number {
  const text = header?.trim() ?? '';
  if (text === '') return options.fallback;
  const seconds = /^\d+$/.test(text) ? Number(text) : Math.ceil((Date.parse(text) - now) / 1000);
  return Number.isFinite(seconds) ? Math.min(options.max, Math.max(options.min, seconds)) : options.fallback;
}
