// The configured zod namespace, loaded through shared/zod.ts (`loadZod`), never imported directly.
// zod/mini has the same checks behind a smaller, tree-shakable API but ships no messages: the English
// ones are installed here, so a nested schema's error reads the same wherever it is parsed. Only what
// the project uses is re-exported: handing on the whole namespace would keep every locale in a bundle.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  _default,
  array,
  enum,
  minLength,
  nullable,
  number,
  object,
  optional,
  pipe,
  positive,
  record,
  strictObject,
  string,
  transform,
  union,
} from 'zod/mini';
export type { ZodMiniObject, ZodMiniType, infer } from 'zod/mini';
