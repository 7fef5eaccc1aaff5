import { InputError } from './errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Parses `30d`, `1h`, `5m`, `90s`, `2w` (also compound `1h30m`) into seconds. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let total = 0;
  let rest = trimmed;
  while (rest) {
    const part = /^(\d+)(s|m|h|d|w)/.exec(rest);
    if (!part) return undefined;
    total += Number(part[1]) * UNIT_SECONDS[part[2]!]!;
    rest = rest.slice(part[0].length);
  }
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}

/** The shortest exact text for a number of seconds, the inverse of parseDuration: 2592000 -> `30d`. */
export function formatDuration(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit]!;
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

export function requireDuration(name: string, text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) {
    throw new InputError(
      `Input "${name}" is "${text}", which is not a duration; use a number and a unit s, m, h, d or w, such as 30d or 1h30m.`,
    );
  }
  return seconds;
}
