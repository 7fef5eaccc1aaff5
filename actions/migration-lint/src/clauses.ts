/**
 * Where each clause of an ALTER TABLE begins. The parse tree gives no location for a clause such as
 * `DROP COLUMN x` or `ALTER COLUMN y SET NOT NULL`, so the statement's text is scanned: clauses are
 * separated by commas outside parentheses, brackets, quotes and comments.
 */

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isWordChar = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;

/** The offset after a quoted token, comment or dollar quote starting at `i`, or `i` when none starts there. */
function skipQuoted(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === 45 && next === 45) {
    const end = text.indexOf('\n', i);
    return end < 0 ? text.length : end + 1;
  }
  if (c === 47 && next === 42) {
    let level = 1;
    let j = i + 2;
    while (j < text.length && level > 0) {
      if (text.startsWith('/*', j)) (level++, (j += 2));
      else if (text.startsWith('*/', j)) (level--, (j += 2));
      else j++;
    }
    return j;
  }
  if (c === 39 || c === 34) {
    // 'string' or "identifier"; doubled quotes escape; E'' strings also skip backslash escapes
    const escapes = c === 39 && /[eE]/.test(text[i - 1] ?? '') && !isWordChar(text.charCodeAt(i - 2));
    let j = i + 1;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (escapes && d === 92) j += 2;
      else if (d === c && text.charCodeAt(j + 1) === c) j += 2;
      else if (d === c) return j + 1;
      else j++;
    }
    return j;
  }
  if (c === 36 && !isWordChar(text.charCodeAt(i - 1))) {
    const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(text.slice(i, i + 64))?.[0];
    if (tag) {
      const close = text.indexOf(tag, i + tag.length);
      return close < 0 ? text.length : close + tag.length;
    }
  }
  return i;
}

/** The offset of the next character that is not a space or inside a comment. */
function nextSignificant(text: string, i: number): number {
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) i++;
    else if (text.startsWith('--', i) || text.startsWith('/*', i)) i = skipQuoted(text, i);
    else break;
  }
  return i;
}

/** A run of characters that start no comment or quoted token and are no bracket, `;` or `,` (sticky). */
const PLAIN = /[^-/'"$()[\];,]*/y;

/**
 * Offsets in `text` (one ALTER TABLE statement) where its clauses begin, given the offset of the
 * table's name; the first clause starts after the name. Stops at a `;` outside quotes.
 */
export function alterClauseStarts(text: string, nameAt: number): number[] {
  // the (possibly qualified, possibly quoted) name, then an optional `*`
  let i = nameAt;
  for (;;) {
    const quoted = skipQuoted(text, i);
    if (quoted > i && text.charCodeAt(i) === 34) i = quoted;
    else while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    const dot = nextSignificant(text, i);
    if (text.charCodeAt(dot) !== 46) break;
    i = nextSignificant(text, dot + 1);
  }
  i = nextSignificant(text, i);
  if (text.charCodeAt(i) === 42) i = nextSignificant(text, i + 1);
  const starts = [i];
  let depth = 0;
  while (i < text.length) {
    PLAIN.lastIndex = i;
    PLAIN.test(text);
    i = PLAIN.lastIndex;
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    // only - / ' " $ can start a comment or quoted token
    const skipped = c === 45 || c === 47 || c === 39 || c === 34 || c === 36 ? skipQuoted(text, i) : i;
    if (skipped > i) {
      i = skipped;
      continue;
    }
    if (c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) depth = Math.max(0, depth - 1);
    else if (c === 59 && depth === 0) break;
    else if (c === 44 && depth === 0) {
      starts.push(nextSignificant(text, i + 1));
    }
    i++;
  }
  return starts;
}
