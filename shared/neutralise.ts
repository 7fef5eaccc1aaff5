/**
 * Makes untrusted text safe to print in a job log: a line that begins with `::` would be obeyed by
 * the runner as a workflow command (`::add-mask::`, `::stop-commands::`, `::set-output::`). A zero-width
 * space after the first colon keeps the text readable and inert.
 */
export function neutralise(text: string): string {
  return text.replace(/^(\s*):(?=:)/gm, '$1:\u200b');
}

/** Cuts text to a bound, saying how much was cut, so a 100 KB test name cannot flood a log or an issue. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
