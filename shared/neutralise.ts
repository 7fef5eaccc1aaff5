/**
 * Text from outside (package, test and SLO names, SQL, error text from servers) is shown, never
 * obeyed: neither by the runner, which reads workflow commands from every line a step prints, nor
 * by a reader's eyes, which bidirectional and zero-width controls deceive.
 */

/**
 * Bidirectional controls (a package `c\u202egnp.exe` displays as `cexe.png`), zero-width characters
 * and the line separators log viewers break lines at. Identities keep them; display shows them escaped.
 */
const HIDDEN = /[\u00ad\u061c\u0085\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The zero-width space `neutralise` puts inside a command marker; kept as is when shown again. */
const DEFUSED = /(?<=^[^\S\r\n]*:)\u200b(?=:)|(?<=#)\u200b(?=#\[)/gmu;

/** Text as a person should see it: hidden and direction-changing characters written as `<U+202E>`. */
export function showText(text: string): string {
  if (!HIDDEN.test(text)) return text;
  HIDDEN.lastIndex = 0;
  // a space neutralise inserted stays invisible, so neutralising twice changes nothing
  const kept = new Set<number>();
  for (const m of text.matchAll(DEFUSED)) kept.add(m.index);
  return text.replace(HIDDEN, (c, at: number) =>
    kept.has(at) ? c : `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/**
 * Makes untrusted text safe to print in a job log. The runner obeys `::command::` at the start of a
 * line (after whitespace) and the legacy `##[command]` anywhere in a line; a zero-width space
 * inside each marker keeps the text readable and inert. U+0085, U+2028 and U+2029 count as line
 * breaks too, as log viewers draw them so; hidden characters are shown escaped (`showText`).
 */
export function neutralise(text: string): string {
  return showText(text)
    .replace(/(^|[\r\n\u0085\u2028\u2029])([^\S\r\n]*):(?=:)/g, '$1$2:\u200b')
    .replace(/#(?=#\[)/g, '#\u200b');
}

/** Cuts text to a bound, saying how much was cut, so a 100 KB test name cannot flood a log or an issue. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
