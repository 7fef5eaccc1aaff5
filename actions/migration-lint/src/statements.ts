import type { Node, Parser } from './parser.js';
import { type Piece, type SplitResult, parserText, splitStatements } from './split.js';

/** One parsed statement of a file. */
export interface Statement {
  /** The parse tree; `{}` for data statements, which are only syntax-checked (no rule reads them). */
  stmt: Node;
  /** Index of the split piece it came from (ignore comments attach to pieces). */
  piece: number;
  /** File offset (UTF-16) of the statement's first token, and its text from there. */
  offset: number;
  text: string;
  /** Subtract from a node's `location` to get a UTF-8 byte offset inside `text`. */
  byteBase: number;
}

export interface SyntaxProblem {
  piece: number;
  message: string;
  /** File offset (UTF-16) of the error. */
  offset: number;
}

export interface ParsedFile {
  split: SplitResult;
  statements: Statement[];
  errors: SyntaxProblem[];
}

/** Statements whose tree no rule or schema step reads: only checked for syntax, never turned into JSON. */
const DATA_KEYWORDS = new Set([
  'insert',
  'update',
  'delete',
  'select',
  'with',
  'values',
  'comment',
  'grant',
  'revoke',
  'copy',
]);
/** Pieces parsed in one call: each call into WebAssembly has a fixed cost, so batches are much faster. */
const BATCH_PIECES = 256;
const BATCH_CHARS = 256 * 1024;
const NO_TREE: Node = Object.freeze({}) as Node;

/**
 * Splits a file and parses it in batches of consecutive statements. In each batch the statements
 * rules read are parsed into trees in one call and the data statements are only syntax-checked in
 * another (their trees would be a good part of the parser's output, read by nothing). A call that
 * meets a syntax error is repeated statement by statement, so the error is pinned to its statement
 * and the rest survive. `withData: false` leaves the data statements out (not even checked).
 */
export function parseStatements(parser: Parser, text: string, withData = true): ParsedFile {
  const split = splitStatements(text);
  const result: ParsedFile = { split, statements: [], errors: [] };
  const pieces = split.pieces;
  const batch: Batch = {
    text,
    pieces,
    data: pieces.map((p) => p.kind === 'sql' && isData(text, p)),
    out: result,
  };
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i]!.kind === 'meta') {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < pieces.length &&
      j - i < BATCH_PIECES &&
      pieces[j]!.kind === 'sql' &&
      pieces[j]!.end - pieces[i]!.start < BATCH_CHARS
    )
      j++;
    parseBatch(parser, batch, i, j, false);
    if (withData) parseBatch(parser, batch, i, j, true);
    i = j;
  }
  // each batch gave its two kinds one after the other: back to file order (the sort is stable)
  result.statements.sort((a, b) => a.piece - b.piece);
  result.errors.sort((a, b) => a.piece - b.piece);
  return result;
}

function isData(text: string, piece: Piece): boolean {
  let end = piece.start;
  while (end < piece.end && end - piece.start < 8 && isLetter(text.charCodeAt(end))) end++;
  return DATA_KEYWORDS.has(text.slice(piece.start, end).toLowerCase());
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122); // A-Z a-z

interface Batch {
  text: string;
  pieces: Piece[];
  /** Which pieces are data statements. */
  data: boolean[];
  out: ParsedFile;
}

/**
 * Parses the statements of one kind (data or not) among the SQL pieces `from`..`to`, as one text in
 * which the statements of the other kind are blanked out.
 */
function parseBatch(parser: Parser, batch: Batch, from: number, to: number, data: boolean): void {
  const { text, pieces, out } = batch;
  const ofKind = (k: number) => batch.data[k] === data;
  while (from < to && !ofKind(from)) from++;
  while (to > from && !ofKind(to - 1)) to--;
  if (from === to) return;
  const start = pieces[from]!.start;
  const raw = text.slice(start, pieces[to - 1]!.end);
  const sql = parserText(blankOthers(raw, start, pieces, from, to, ofKind));
  const addChecked = () => {
    for (let k = from; k < to; k++) {
      if (!ofKind(k)) continue;
      const p = pieces[k]!;
      // without its `;`, as the parser gives a statement's text
      const end = text.charCodeAt(p.end - 1) === 59 ? p.end - 1 : p.end;
      out.statements.push({
        stmt: NO_TREE,
        piece: k,
        offset: p.start,
        text: text.slice(p.start, end),
        byteBase: 0,
      });
    }
  };
  if (data && parser.isValid(sql)) return addChecked();
  if (!data || to - from === 1) {
    // a data statement that failed alone is parsed again for the error message
    const outcome = parser.parse(sql);
    if (outcome.ok)
      return data ? addChecked() : addStatements(outcome.stmts, raw, start, pieces, from, to, ofKind, out);
    if (to - from === 1) {
      out.errors.push({
        piece: from,
        message: outcome.message,
        offset: start + new ByteCursor(raw).toChar(outcome.byteOffset),
      });
      return;
    }
  }
  // the batch holds a syntax error: parse each statement alone to find it
  for (let k = from; k < to; k++) if (ofKind(k)) parseBatch(parser, batch, k, k + 1, data);
}

/**
 * `raw` (the file from offset `start`) with the statements `keep` rejects replaced by as many spaces
 * as they have UTF-8 bytes, so the parser's byte offsets still point into `raw`.
 */
function blankOthers(
  raw: string,
  start: number,
  pieces: Piece[],
  from: number,
  to: number,
  keep: (k: number) => boolean,
): string {
  let blanked = '';
  let done = 0;
  for (let k = from; k < to; k++) {
    if (keep(k)) continue;
    const a = pieces[k]!.start - start;
    const b = pieces[k]!.end - start;
    blanked += raw.slice(done, a) + ' '.repeat(Buffer.byteLength(raw.slice(a, b)));
    done = b;
  }
  return done === 0 ? raw : blanked + raw.slice(done);
}

/**
 * Maps the parser's statements (byte offsets into `raw`, which starts at file offset `start`) to the
 * pieces `isParsed` accepts (the others were blanked out).
 */
function addStatements(
  stmts: { stmt: Node; stmt_location?: number; stmt_len?: number }[],
  raw: string,
  start: number,
  pieces: Piece[],
  from: number,
  to: number,
  isParsed: (k: number) => boolean,
  out: ParsedFile,
): void {
  const cursor = new ByteCursor(raw);
  let k = from;
  for (const s of stmts) {
    const location = s.stmt_location ?? 0;
    const endByte = s.stmt_len ? location + s.stmt_len : Infinity;
    let first = start + cursor.toChar(location);
    const last = endByte === Infinity ? start + raw.length : start + cursor.toChar(endByte);
    while (k < to - 1 && (!isParsed(k) || pieces[k]!.end <= first)) k++;
    // the parser's statement may begin at comments, spaces or blanked statements before its first token
    let byteBase = location;
    if (pieces[k]!.start > first && pieces[k]!.start < last) {
      byteBase += Buffer.byteLength(raw.slice(first - start, pieces[k]!.start - start));
      first = pieces[k]!.start;
    }
    out.statements.push({
      stmt: s.stmt,
      piece: k,
      offset: first,
      text: raw.slice(first - start, last - start),
      byteBase,
    });
  }
}

/** Converts increasing UTF-8 byte offsets of one string to UTF-16 offsets in a single forward pass. */
export class ByteCursor {
  private char = 0;
  private byte = 0;
  private readonly ascii: boolean;

  constructor(private readonly text: string) {
    this.ascii = !/[^\x00-\x7f]/.test(text);
  }

  toChar(byteOffset: number): number {
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    if (byteOffset < this.byte) {
      this.char = 0;
      this.byte = 0;
    }
    while (this.byte < byteOffset && this.char < this.text.length) {
      const c = this.text.charCodeAt(this.char);
      if (c < 0x80) this.byte += 1;
      else if (c < 0x800) this.byte += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        this.byte += 4;
        this.char++;
      } else this.byte += 3;
      this.char++;
    }
    return this.char;
  }
}
