// zod, loaded on first need, the one way this project reaches it. It was half of an action's bundle
// (zod's core alone 100 KB) and its module top levels ran at every start-up, yet a run needs it only to
// check a YAML or JSON input that has a value or a file a user wrote: `loadZod()` first, then `zod()`.
// Modules build their schemas in functions, called after the load; import only types from here.
export type Zod = typeof import('./zod-en.js');
export type { ZodMiniObject, ZodMiniType, infer } from 'zod/mini';

let loaded: Zod | undefined;

export async function loadZod(): Promise<Zod> {
  return (loaded ??= await import('./zod-en.js'));
}

/** The loaded module; a bug before `loadZod()` has run. */
export function zod(): Zod {
  if (!loaded) throw new Error('bug: zod was used before loadZod()');
  return loaded;
}
