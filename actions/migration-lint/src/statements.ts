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

/** Statements whose tree no rule or schema step reads: checked for syntax in bulk, never turned into JSON. */
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
const MIN_DATA_RUN = 16;
const NO_TREE: Node = Object.freeze({}) as Node;

/**
 * Splits a file and parses it in batches of consecutive statements; a batch with a syntax error is
 * parsed again statement by statement, so the error is pinned to its statement and the rest survive.
 */
export function parseStatements(parser: Parser, text: string): ParsedFile {
  const split = splitStatements(text);
  const result: ParsedFile = { split, statements: [], errors: [] };
  const pieces = split.pieces;
  const data = bulkData(text, pieces);
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
      data[j] === data[i] &&
      pieces[j]!.end - pieces[i]!.start < BATCH_CHARS
    )
      j++;
    parseBatch(parser, text, pieces, i, j, data[i]!, result);
    i = j;
  }
  return result;
}

/**
 * Which pieces are checked as bulk data: runs of at least MIN_DATA_RUN data statements. Shorter runs
 * ride along in the batch of the statements around them (one call instead of three).
 */
function bulkData(text: string, pieces: Piece[]): boolean[] {
  const data = pieces.map((p) => p.kind === 'sql' && isData(text, p));
  for (let i = 0; i < data.length;) {
    let j = i;
    while (j < data.length && data[j]) j++;
    if (j - i < MIN_DATA_RUN) data.fill(false, i, j);
    i = Math.max(j, i + 1);
  }
  return data;
}

function isData(text: string, piece: Piece): boolean {
  let end = piece.start;
  while (end < piece.end && end - piece.start < 8 && /[A-Za-z]/.test(text[end]!)) end++;
  return DATA_KEYWORDS.has(text.slice(piece.start, end).toLowerCase());
}

function parseBatch(
  parser: Parser,
  text: string,
  pieces: Piece[],
  from: number,
  to: number,
  data: boolean,
  out: ParsedFile,
): void {
  const start = pieces[from]!.start;
  const raw = text.slice(start, pieces[to - 1]!.end);
  const sql = parserText(raw);
  if (data) {
    if (parser.isValid(sql)) {
      for (let k = from; k < to; k++) {
        const p = pieces[k]!;
        out.statements.push({
          stmt: NO_TREE,
          piece: k,
          offset: p.start,
          text: text.slice(p.start, p.end),
          byteBase: 0,
        });
      }
      return;
    }
  } else {
    const outcome = parser.parse(sql);
    if (outcome.ok) {
      addStatements(outcome.stmts, raw, start, pieces, from, to, out);
      return;
    }
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
  for (let k = from; k < to; k++) parseBatch(parser, text, pieces, k, k + 1, false, out);
}

/** Maps the parser's statements (byte offsets into `raw`, which starts at file offset `start`) to pieces. */
function addStatements(
  stmts: { stmt: Node; stmt_location?: number; stmt_len?: number }[],
  raw: string,
  start: number,
  pieces: Piece[],
  from: number,
  to: number,
  out: ParsedFile,
): void {
  const cursor = new ByteCursor(raw);
  let k = from;
  for (const s of stmts) {
    const location = s.stmt_location ?? 0;
    const endByte = s.stmt_len ? location + s.stmt_len : Infinity;
    let first = start + cursor.toChar(location);
    const last = endByte === Infinity ? start + raw.length : start + cursor.toChar(endByte);
    while (k < to - 1 && pieces[k]!.end <= first) k++;
    // the parser's statement may begin at comments or spaces before its first token
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
