/**
 * Outputs as lines a reader and a script can both split: `name=value`, or for a value over several
 * lines the runner's own `name<<DELIMITER` form, with a delimiter that no line of the value equals.
 */
export function outputLines(outputs: Record<string, string>): string[] {
  return Object.entries(outputs).map(([name, value]) => {
    if (!/[\r\n]/.test(value)) return `${name}=${value}`;
    const lines = value.split(/\r?\n/);
    let delimiter = 'EOF';
    for (let n = 1; lines.includes(delimiter); n++) delimiter = `EOF${n}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}`;
  });
}
