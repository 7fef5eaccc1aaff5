/**
 * GitHub's own limits on what a step may write, and the one way every output, summary and issue
 * body is kept within them: cut, with a line saying what was cut. Each bound is linear in its input.
 */
export const LIMITS = {
  /** A step summary over 1 MiB is refused by the runner. */
  summaryBytes: 1024 * 1024,
  /** One output value. */
  outputBytes: 1_000_000,
  /** All outputs of a run; a step keeps its own share under this. */
  allOutputsBytes: 50_000_000,
  /** An issue body or comment. */
  issueChars: 65_536,
  /** Annotations of each level (error, warning, notice) a step; more are dropped by GitHub. */
  annotationsPerStep: 10,
  /** Annotations a job. */
  annotationsPerJob: 50,
} as const;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` within `maxBytes` of UTF-8 that does not split a character. */
function prefixWithinBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let cut = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  if (cut.endsWith('\ufffd')) cut = cut.slice(0, -1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/**
 * `text` within `max` UTF-8 bytes or UTF-16 characters (as the limit counts), the last line saying
 * how much was cut and why: `note` names the limit (`GitHub keeps 1 MiB of a step summary`).
 */
export function cutText(text: string, max: number, unit: 'bytes' | 'chars', note: string): string {
  const size = unit === 'bytes' ? byteLength(text) : text.length;
  if (size <= max) return text;
  const line = `\n\n… cut here: ${size} ${unit === 'bytes' ? 'bytes' : 'characters'} in all, ${note}.\n`;
  const room = Math.max(0, max - (unit === 'bytes' ? byteLength(line) : line.length));
  let head = unit === 'bytes' ? prefixWithinBytes(text, room) : text.slice(0, room);
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return head + line;
}

export interface Bounded {
  text: string;
  /** Set when something was cut: one sentence for the log. */
  note?: string;
}

/**
 * An output value within `maxBytes`. A JSON array keeps its first items that fit, so it stays valid
 * JSON for `fromJSON`; any other value is cut. The note says what was kept.
 */
export function boundOutput(name: string, value: unknown, text: string, maxBytes: number): Bounded {
  const size = byteLength(text);
  if (size <= maxBytes) return { text };
  if (Array.isArray(value)) {
    let used = 2;
    let kept = 0;
    for (const item of value) {
      const itemBytes = byteLength(JSON.stringify(item) ?? 'null') + (kept ? 1 : 0);
      if (used + itemBytes > maxBytes) break;
      used += itemBytes;
      kept++;
    }
    return {
      text: JSON.stringify(value.slice(0, kept)),
      note: `Output "${name}" is ${size} bytes, over the ${maxBytes} GitHub keeps: it holds the first ${kept} of ${value.length} items.`,
    };
  }
  const cut = prefixWithinBytes(text, maxBytes);
  return {
    text: cut,
    note: `Output "${name}" is ${size} bytes, over the ${maxBytes} GitHub keeps: cut to ${byteLength(cut)} bytes.`,
  };
}

/** An issue body or comment within GitHub's 65,536 characters. */
export function boundIssueText(text: string): string {
  return cutText(
    text,
    LIMITS.issueChars,
    'chars',
    `GitHub keeps ${LIMITS.issueChars} characters of an issue or comment`,
  );
}
