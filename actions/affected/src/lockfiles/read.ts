/**
 * Safe access to parsed lockfile data. Parsed JSON/YAML/TOML objects carry untrusted keys
 * (`__proto__`, `constructor`), so they are read only through own entries, into Maps.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own entries of an object as a Map; anything else is empty. */
export function entries(value: unknown): Map<string, unknown> {
  return isRecord(value) ? new Map(Object.entries(value)) : new Map();
}

/** An own field of an object, never one inherited from its prototype. */
export function field(value: unknown, name: string): unknown {
  return isRecord(value) && Object.hasOwn(value, name) ? value[name] : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Name -> spec pairs of the given dependency fields, in order, first field wins for a name. */
export function dependencySpecs(value: unknown, fields: readonly string[]): Map<string, string> {
  const specs = new Map<string, string>();
  for (const name of fields) {
    const deps = field(value, name);
    if (!isRecord(deps)) continue;
    for (const [dep, spec] of Object.entries(deps)) {
      if (!specs.has(dep)) specs.set(dep, text(spec) ?? text(field(spec, 'version')) ?? '');
    }
  }
  return specs;
}
