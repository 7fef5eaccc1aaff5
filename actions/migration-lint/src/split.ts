/**
 * Splits a migration file into statements without parsing it, so a 20 MB file never reaches the
 * parser in one piece and one syntax error costs one statement, not the file. Quotes, E'' strings,
 * dollar quotes, nested block comments, CREATE RULE parentheses and BEGIN ATOMIC bodies are respected.
 */

export interface Span {
  /** UTF-16 offsets into the file text; `end` is exclusive. */
  start: number;
  end: number;
}

export interface Piece extends Span {
  /** `sql`: a statement (ends at its `;` or the end of the file); `meta`: a psql meta-command line. */
  kind: 'sql' | 'meta';
  /** Where this piece's leading comments begin: the end of the previous piece. */
  leadStart: number;
}

export interface Comment extends Span {
  text: string;
}

export interface SplitResult {
  pieces: Piece[];
  comments: Comment[];
}

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128; // A-Z a-z _ non-ASCII
const isIdentChar = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36; // digits, $
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** Where the word starting at `i` (identifier characters, not `$`) ends. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
  return j;
}

/**
 * Whether the word `text[i, end)` is `keyword` (lower-case ASCII) in any case. `| 32` lower-cases
 * ASCII letters and maps no other word character (digit, `_`, non-ASCII) onto one, so no string is
 * made for the many words that are not a keyword.
 */
function isKeyword(text: string, i: number, end: number, keyword: string): boolean {
  if (end - i !== keyword.length) return false;
  for (let k = 0; k < keyword.length; k++)
    if ((text.charCodeAt(i + k) | 32) !== keyword.charCodeAt(k)) return false;
  return true;
}

/**
 * A run of characters that change nothing inside a statement (outside CREATE RULE and BEGIN ATOMIC,
 * with no BEGIN just read): all but a comment's start, a quote, `$`, `;` and a B that may begin BEGIN.
 * Sticky: after `test`, `lastIndex` is where the run ends. Irregexp skips it natively from the first
 * call, where the loop below runs interpreted until V8 has optimised it.
 */
const INSIGNIFICANT = /[^-/'"$;bB]*/y;

/** Splits `text` into statements and psql meta-command lines, collecting comments on the way. */
export function splitStatements(text: string): SplitResult {
  const pieces: Piece[] = [];
  const comments: Comment[] = [];
  const n = text.length;
  let leadStart = 0;
  let start = -1; // first significant character of the current statement
  let depth = 0; // parentheses, counted in CREATE RULE only
  let parensGroup = false;
  let atomic = 0; // BEGIN ATOMIC ... END nesting (CASE ... END inside counts too)
  let afterBegin = false; // the last word was BEGIN (no quoted token since)
  let i = 0;

  const finish = (end: number) => {
    if (start >= 0) pieces.push({ kind: 'sql', start, end, leadStart });
    leadStart = end;
    start = -1;
    depth = 0;
    atomic = 0;
    afterBegin = false;
  };

  while (i < n) {
    if (start >= 0 && atomic === 0 && !parensGroup && !afterBegin) {
      INSIGNIFICANT.lastIndex = i;
      INSIGNIFICANT.test(text);
      i = INSIGNIFICANT.lastIndex;
      if (i >= n) break;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (c === 45 && next === 45) {
      // -- comment to end of line
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      const end = j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j;
      comments.push({ start: i, end, text: text.slice(i, end) });
      i = j;
      continue;
    }
    if (c === 47 && next === 42) {
      // /* block comment */, nested as in PostgreSQL
      let level = 1;
      let j = i + 2;
      while (j < n && level > 0) {
        if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) (level++, (j += 2));
        else if (text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47) (level--, (j += 2));
        else j++;
      }
      comments.push({ start: i, end: j, text: text.slice(i, j) });
      i = j;
      continue;
    }
    if (c === 92 && start < 0) {
      // a psql meta-command (\set, \i, \connect ...) runs to the end of its line
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      pieces.push({ kind: 'meta', start: i, end: j, leadStart });
      leadStart = j;
      i = j;
      continue;
    }
    if (start < 0) {
      start = i;
      // only CREATE RULE holds semicolons inside parentheses; elsewhere an unbalanced ( must not swallow the file
      parensGroup =
        (c === 67 || c === 99) && /^create\s+(or\s+replace\s+)?rule\b/i.test(text.slice(i, i + 40));
    }
    if (c === 59 && depth === 0 && atomic === 0) {
      const copyFromStdin = isCopyFromStdin(text, start, i);
      finish(i + 1);
      i++;
      if (copyFromStdin) i = skipCopyData(text, i, pieces);
      leadStart = i;
      continue;
    }
    if (c === 39) {
      // 'string', E'string' with backslash escapes; '' is an escaped quote in both
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const escapes = (prev === 69 || prev === 101) && !(i > 1 && isIdentChar(text.charCodeAt(i - 2)));
      let j = i + 1;
      while (j < n) {
        if (!escapes) j = text.indexOf("'", j); // the next quote ends it or starts a ''
        if (j < 0) j = n;
        else {
          const d = text.charCodeAt(j);
          if (escapes && d === 92) j += 2;
          else if (d === 39) {
            if (text.charCodeAt(j + 1) === 39) j += 2;
            else break;
          } else j++;
        }
      }
      i = j + 1;
      afterBegin = false;
      continue;
    }
    if (c === 34) {
      // "quoted identifier"
      let j = text.indexOf('"', i + 1);
      while (j >= 0 && text.charCodeAt(j + 1) === 34) j = text.indexOf('"', j + 2);
      if (j < 0) j = n;
      i = j + 1;
      afterBegin = false;
      continue;
    }
    if (c === 36) {
      if (next === 123) {
        // Flyway ${placeholder}
        const j = text.indexOf('}', i);
        i = j < 0 ? n : j + 1;
        continue;
      }
      // $tag$ dollar quote ... $tag$ (not $1 parameters, not inside identifiers)
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (!isIdentChar(prev)) {
        let j = i + 1;
        if (j < n && isIdentStart(text.charCodeAt(j))) {
          while (j < n && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
        }
        if (text.charCodeAt(j) === 36) {
          const tag = text.slice(i, j + 1);
          const close = text.indexOf(tag, j + 1);
          i = close < 0 ? n : close + tag.length;
          afterBegin = false;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === 40 && parensGroup) depth++;
    else if (c === 41 && parensGroup) depth = Math.max(0, depth - 1);
    else if (isIdentStart(c) && !(i > 0 && isIdentChar(text.charCodeAt(i - 1)))) {
      // moves on by the word's own length (lower-casing may lengthen it: İ becomes i and a combining dot)
      const end = wordEnd(text, i);
      if (afterBegin && isKeyword(text, i, end, 'atomic')) atomic++;
      else if (atomic > 0 && isKeyword(text, i, end, 'case')) atomic++;
      else if (atomic > 0 && isKeyword(text, i, end, 'end')) atomic--;
      afterBegin = isKeyword(text, i, end, 'begin');
      i = end;
      continue;
    }
    i++;
  }
  finish(n);
  return { pieces, comments };
}

function isCopyFromStdin(text: string, start: number, end: number): boolean {
  // a statement not starting with C or c is no COPY: no copy of its start for the regex
  if ((text.charCodeAt(start) | 32) !== 99) return false;
  return /^copy\b/i.test(text.slice(start, start + 5)) && /\bfrom\s+stdin\b/i.test(text.slice(start, end));
}

/** psql's inline COPY data runs to a line holding only `\.`; it is data, not SQL. */
function skipCopyData(text: string, from: number, pieces: Piece[]): number {
  const lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0) return text.length;
  const terminator = /^\\\.\r?$/m;
  const rest = text.slice(lineEnd + 1);
  const found = terminator.exec(rest);
  const end = found ? lineEnd + 1 + found.index + found[0].length : text.length;
  pieces.push({ kind: 'meta', start: lineEnd + 1, end, leadStart: lineEnd + 1 });
  return end;
}

/**
 * The text the parser sees for a span: Flyway `${placeholders}` become underscores of the same UTF-8
 * length, so the parser's byte offsets still point into the original text.
 */
export function parserText(text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{[^}\n]*\}/g, (m) => '_'.repeat(Buffer.byteLength(m)));
}
