import { isUtf8 } from 'node:buffer';

/**
 * Turns a migration file's bytes into text the way its runner would read them: a byte order mark
 * (UTF-8, UTF-16) or a declared encoding (`-- coding: latin-1`, `SET client_encoding = 'LATIN1'`,
 * psql's `\encoding`) decides; otherwise UTF-8, and Latin-1 when the bytes are not UTF-8.
 */
export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: string;
      /** Set when the file is not UTF-8, declares nothing, and was read as Latin-1: the first byte that is not UTF-8. */
      guessedAt?: number;
    }
  | {
      ok: false;
      encoding: string;
      /** Offset of the first byte that cannot be read in `encoding`. */
      byteOffset: number;
      /** The text before that byte (to place the finding on its line). */
      before: string;
    };

/** PostgreSQL's encoding names (and common spellings) to WHATWG labels, keyed without `-`, `_` or spaces. */
const ENCODINGS = new Map<string, string>([
  ['utf8', 'utf-8'],
  ['unicode', 'utf-8'],
  ['latin1', 'latin1'],
  ['iso88591', 'latin1'],
  ['l1', 'latin1'],
  ['sqlascii', 'latin1'],
  ['latin2', 'iso-8859-2'],
  ['latin3', 'iso-8859-3'],
  ['latin4', 'iso-8859-4'],
  ['latin5', 'windows-1254'],
  ['latin6', 'iso-8859-10'],
  ['latin7', 'iso-8859-13'],
  ['latin8', 'iso-8859-14'],
  ['latin9', 'iso-8859-15'],
  ['latin10', 'iso-8859-16'],
  ['sjis', 'shift_jis'],
  ['shiftjis', 'shift_jis'],
  ['eucjp', 'euc-jp'],
  ['euckr', 'euc-kr'],
  ['koi8r', 'koi8-r'],
  ['koi8u', 'koi8-u'],
  ['utf16', 'utf-16le'],
  ['utf16le', 'utf-16le'],
  ['utf16be', 'utf-16be'],
]);

const DECLARATION =
  /^[ \t]*(?:--[^\n]*?\bcoding[:=][ \t]*([-\w.]+)|set[ \t]+(?:session[ \t]+)?client_encoding[ \t]*(?:to|=)[ \t]*'?([-\w]+)|\\encoding[ \t]+([-\w]+))/im;

/** The encoding a file declares in its first 64 KB, as a WHATWG label, or undefined. */
function declaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 64 * 1024).toString('latin1');
  const match = DECLARATION.exec(head);
  const name = match && (match[1] ?? match[2] ?? match[3])!;
  if (!name) return undefined;
  const key = name.toLowerCase().replace(/[-_ ]/g, '');
  const win = /^(?:win|windows|cp)(\d{3,4})$/.exec(key);
  const label = ENCODINGS.get(key) ?? (win ? `windows-${win[1]}` : name.toLowerCase());
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined; // an encoding this runtime does not know: read as undeclared
  }
}

export function decodeMigration(bytes: Buffer): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict(bytes, 'utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict(bytes, 'utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict(bytes, 'utf-16be', 2);
  const declared = declaredEncoding(bytes);
  if (declared) return strict(bytes, declared, 0);
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  if (nul >= 0 && (bad < 0 || nul < bad)) return failure(bytes, 'UTF-8', nul, 0, 'utf-8');
  if (bad < 0) return { ok: true, text: bytes.toString('utf8'), encoding: 'UTF-8' };
  if (nul >= 0) return failure(bytes, 'Latin-1', nul, 0, 'latin1');
  return { ok: true, text: bytes.toString('latin1'), encoding: 'Latin-1', guessedAt: bad };
}

/** Decodes with `label` from `start`; a byte that is not valid in it (or a NUL) makes a failure. */
function strict(bytes: Buffer, label: string, start: number): Decoded {
  const name = label === 'latin1' ? 'Latin-1' : label.toUpperCase();
  const body = bytes.subarray(start);
  let bad: number;
  if (label === 'utf-8') bad = firstInvalidUtf8(body);
  else if (label.startsWith('utf-16')) bad = firstInvalidUtf16(body, label === 'utf-16be');
  else if (label === 'latin1') bad = -1;
  else bad = firstUndecodable(body, label);
  const text =
    label === 'latin1'
      ? body.toString('latin1')
      : bad < 0
        ? new TextDecoder(label, { ignoreBOM: true }).decode(body)
        : '';
  const nul = bad < 0 ? text.indexOf('\0') : -1;
  if (bad >= 0 || nul >= 0) {
    const offset = bad >= 0 ? bad : byteLength(text.slice(0, nul), label);
    return failure(bytes, name, start + offset, start, label);
  }
  return { ok: true, text, encoding: name };
}

function failure(bytes: Buffer, encoding: string, byteOffset: number, start: number, label: string): Decoded {
  const head = bytes.subarray(start, byteOffset);
  const before = label === 'latin1' ? head.toString('latin1') : new TextDecoder(label).decode(head);
  return { ok: false, encoding, byteOffset, before };
}

function byteLength(text: string, label: string): number {
  if (label.startsWith('utf-16')) return text.length * 2;
  return label === 'utf-8' ? Buffer.byteLength(text) : text.length;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's native check first: most files are UTF-8, and only a file that is not needs the offset
  if (isUtf8(bytes)) return -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) ((need = 1), (min = 0x80));
    else if (b >= 0xe0 && b <= 0xef) ((need = 2), (min = 0x800));
    else if (b >= 0xf0 && b <= 0xf4) ((need = 3), (min = 0x10000));
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Offset of the first unpaired surrogate or trailing odd byte in UTF-16, or -1. */
function firstInvalidUtf16(bytes: Uint8Array, bigEndian: boolean): number {
  const unit = (i: number) =>
    bigEndian ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! | (bytes[i + 1]! << 8);
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const low = unit(i + 2);
      if (low < 0xdc00 || low > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return i < bytes.length ? i : -1;
}

/** For other encodings: the shortest prefix that fails to decode ends at the first bad byte. */
function firstUndecodable(bytes: Uint8Array, label: string): number {
  const fails = (length: number) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, length), {
        stream: length < bytes.length,
      });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) return -1;
  let lo = 1;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}
