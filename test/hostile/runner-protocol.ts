/**
 * What the GitHub runner would obey in a step's output, read as its ActionCommandManager reads it:
 * a line whose trimmed text starts with `::` is a command (`::name props::data`); otherwise the
 * legacy `##[name props]data` anywhere in the line. Lines split at LF (CR trimmed).
 */
export interface RunnerCommand {
  name: string;
  legacy: boolean;
  line: string;
}

export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(trimmed);
    if (v2 && trimmed.indexOf('::', 2) > 0) {
      found.push({ name: v2[1]!.toLowerCase(), legacy: false, line });
      continue;
    }
    const at = line.indexOf('##[');
    if (at >= 0) {
      const close = line.indexOf(']', at);
      const name = /^[A-Za-z-]+/.exec(line.slice(at + 3, close < 0 ? undefined : close))?.[0];
      if (close > at && name) found.push({ name: name.toLowerCase(), legacy: true, line });
    }
  }
  return found;
}
