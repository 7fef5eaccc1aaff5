import { rules } from './catalog.js';
import type { LineIndex } from './positions.js';
import type { Comment, Piece } from './split.js';

/**
 * An ignore comment: `-- migration-lint: ignore <rule>[, <rule>] -- <reason>` before or on a
 * statement, or `-- migration-lint: ignore-file <rule>[, ...] -- <reason>` for the whole file.
 */
export interface Ignore {
  scope: 'statement' | 'file';
  rules: string[];
  reason: string;
  /** Offset of the comment in the file. */
  offset: number;
  /** Set when a finding was suppressed by it. */
  used: Set<string>;
}

const DIRECTIVE = /migration-lint:\s*(ignore-file|ignore)\b(.*)$/s;

/** Reads an ignore directive from a comment, or undefined when the comment holds none. */
export function parseIgnore(comment: Comment): Ignore | undefined {
  if (!comment.text.includes('migration-lint:')) return undefined; // most comments: no copy, no regex
  const body = comment.text.startsWith('/*') ? comment.text.slice(2, -2) : comment.text.slice(2);
  const match = DIRECTIVE.exec(body.trim());
  if (!match) return undefined;
  const rest = match[2]!;
  const cut = rest.indexOf('--');
  const ruleText = cut >= 0 ? rest.slice(0, cut) : rest;
  return {
    scope: match[1] === 'ignore-file' ? 'file' : 'statement',
    rules: ruleText
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    reason: cut >= 0 ? rest.slice(cut + 2).trim() : '',
    offset: comment.start,
    used: new Set(),
  };
}

/** A rule hit on a statement (by split piece) that an ignore may still suppress. */
export interface PendingHit {
  id: string;
  message: string;
  line: number;
  column: number;
}

/** Applies ignore comments to the hits of each statement and reports ignores that are wrong or unused. */
export function applyIgnores(
  comments: readonly Comment[],
  pieces: readonly Piece[],
  lineIndex: LineIndex,
  hitsByPiece: ReadonlyMap<number, readonly PendingHit[]>,
  add: (id: string, message: string, line: number, column?: number) => void,
): void {
  const ignores: { ignore: Ignore; piece: number | undefined; line: number }[] = [];
  let pieceIndex = 0;
  for (const comment of comments) {
    const ignore = parseIgnore(comment);
    if (!ignore) continue;
    while (pieceIndex < pieces.length && pieces[pieceIndex]!.end <= comment.start) pieceIndex++;
    const piece = ignore.scope === 'statement' && pieceIndex < pieces.length ? pieceIndex : undefined;
    ignores.push({ ignore, piece, line: lineIndex.at(comment.start).line });
  }

  for (const [piece, hits] of [...hitsByPiece].sort((a, b) => a[0] - b[0])) {
    for (const h of hits) {
      const suppressor = ignores.find(
        (i) =>
          i.ignore.reason &&
          i.ignore.rules.includes(h.id) &&
          (i.ignore.scope === 'file' || i.piece === piece),
      );
      if (suppressor) suppressor.ignore.used.add(h.id);
      else add(h.id, h.message, h.line, h.column);
    }
  }
  for (const { ignore, line } of ignores) {
    if (!ignore.reason) {
      add(
        'ignore-without-reason',
        `The ignore of ${ignore.rules.join(', ') || 'nothing'} gives no reason (write "-- <reason>" after the rule), so it suppresses nothing.`,
        line,
      );
      continue;
    }
    for (const id of ignore.rules) {
      if (!rules.has(id)) add('unused-ignore', `The ignore names an unknown rule "${id}".`, line);
      else if (!ignore.used.has(id)) add('unused-ignore', `The ignore of ${id} matches no finding.`, line);
    }
  }
}
