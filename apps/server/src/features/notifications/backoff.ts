const MINUTE_MS = 60_000;
const MAX_DELAY_MS = 60 * MINUTE_MS;

/** Delay before the next attempt after `attempts` failed ones: 1 min, 2, 4 ... capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16));
  return Math.min(MAX_DELAY_MS, MINUTE_MS * 2 ** exponent);
}
