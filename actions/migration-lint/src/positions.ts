/** 1-based line and column (columns count Unicode code points, as editors show them). */
export interface Position {
  line: number;
  column: number;
}

/** Maps offsets in one file's text to lines and columns, with a binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The position of a UTF-16 offset. */
  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo]!;
    let column = 1;
    for (let i = lineStart; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++; // a low surrogate finishes a code point already counted
    }
    return { line: lo + 1, column };
  }
}

/**
 * Converts a UTF-8 byte offset inside `text` (what libpg-query reports) to a UTF-16 offset.
 * Offsets past the end clamp to the end.
 */
export function byteToCharOffset(text: string, byteOffset: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byteOffset) return i;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return text.length;
}
