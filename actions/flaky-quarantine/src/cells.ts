/**
 * Run-length encoded outcome strings. A cell (what a test did in one run) is one letter:
 * `.` no evidence (absent or skipped), `p` passed, `f` failed, `m` mixed (passed and failed),
 * `F` failed at least twice, `M` passed and failed at least twice (`r`/`s` complete the bit set).
 * A letter may be followed by a count (2 or more): `p198mp` is 198 passes, a mixed run, a pass.
 * The string is right-aligned with the branch's runs (its end is the newest run), and never starts
 * with `.`, so a test that always passes costs a few bytes however long the history is.
 */

export const LETTERS = '.pfmrsFM';
const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < LETTERS.length; i++) CODE[LETTERS.charCodeAt(i)] = i;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A valid encoded string: letters with counts of 2 or more, not starting with `.`. */
export const RLE_PATTERN = /^(?:[pfmrsFM](?:[2-9]|[1-9]\d+)?)(?:[.pfmrsFM](?:[2-9]|[1-9]\d+)?)*$/;

/** Calls `visit(cell, count)` for each segment, oldest first. */
function segments(rle: string, visit: (cell: number, count: number) => void): void {
  let i = 0;
  while (i < rle.length) {
    const cell = CODE[rle.charCodeAt(i++)]!;
    let count = 0;
    while (i < rle.length && isDigit(rle.charCodeAt(i))) count = count * 10 + rle.charCodeAt(i++) - 48;
    visit(cell, count || 1);
  }
}

/** Number of runs the string covers. */
export function rleLength(rle: string): number {
  let total = 0;
  let i = 0;
  while (i < rle.length) {
    i++;
    let count = 0;
    while (i < rle.length && isDigit(rle.charCodeAt(i))) count = count * 10 + rle.charCodeAt(i++) - 48;
    total += count || 1;
  }
  return total;
}

export function decode(rle: string): Uint8Array {
  const out = new Uint8Array(rleLength(rle));
  let at = 0;
  segments(rle, (cell, count) => {
    out.fill(cell, at, at + count);
    at += count;
  });
  return out;
}

/** Encodes cells; leading `.` (no evidence) is dropped. */
export function encode(cells: ArrayLike<number>): string {
  let i = 0;
  while (i < cells.length && cells[i] === 0) i++;
  let out = '';
  while (i < cells.length) {
    const cell = cells[i]!;
    let j = i + 1;
    while (j < cells.length && cells[j] === cell) j++;
    out += LETTERS[cell]! + (j - i > 1 ? String(j - i) : '');
    i = j;
  }
  return out;
}

/** Appends one run's cell (cheap: only the last segment is read). */
export function append(rle: string, cell: number): string {
  if (!rle) return cell ? LETTERS[cell]! : '';
  let i = rle.length;
  while (isDigit(rle.charCodeAt(i - 1))) i--;
  const lastCell = CODE[rle.charCodeAt(i - 1)]!;
  if (lastCell !== cell) return rle + LETTERS[cell]!;
  let count = i < rle.length ? 0 : 1;
  for (let j = i; j < rle.length; j++) count = count * 10 + rle.charCodeAt(j) - 48;
  return `${rle.slice(0, i)}${count + 1}`;
}

/** Keeps only the newest `keep` runs (the string may cover fewer), then drops leading `.`. */
export function keepLast(rle: string, keep: number): string {
  let drop = rleLength(rle) - keep;
  if (drop <= 0) return rle;
  // Drop whole segments from the oldest end; the segment that straddles the cut keeps its rest.
  let i = 0;
  let rest = '';
  while (i < rle.length) {
    const cell = CODE[rle.charCodeAt(i)]!;
    let j = i + 1;
    let count = 0;
    while (j < rle.length && isDigit(rle.charCodeAt(j))) count = count * 10 + rle.charCodeAt(j++) - 48;
    count ||= 1;
    if (drop <= 0 && cell !== 0) {
      rest = rle.slice(i);
      break;
    }
    if (count > drop && cell !== 0) {
      rest = LETTERS[cell]! + (count - drop > 1 ? String(count - drop) : '') + rle.slice(j);
      break;
    }
    drop -= count; // a leading `.` segment is dropped whole, whatever remains of the cut
    i = j;
  }
  return rest;
}

/** `keepLast(append(rle, cell), keep)`: adding a run to a full history, done for every stored test. */
export function appendKeep(rle: string, cell: number, keep: number): string {
  const next = append(rle, cell);
  return rleLength(next) > keep ? keepLast(next, keep) : next;
}

/** The cell `back` runs before the newest (0 = the newest run) of a right-aligned string. */
export function cellFromEnd(rle: string, back: number): number {
  let i = rle.length;
  while (i > 0) {
    let digits = i;
    while (digits > 0 && isDigit(rle.charCodeAt(digits - 1))) digits--;
    let count = 1;
    if (digits < i) {
      count = 0;
      for (let j = digits; j < i; j++) count = count * 10 + rle.charCodeAt(j) - 48;
    }
    if (back < count) return CODE[rle.charCodeAt(digits - 1)]!;
    back -= count;
    i = digits - 1;
  }
  return 0;
}
