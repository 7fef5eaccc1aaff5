// The one way this project imports zod. zod/mini has the same checks behind a smaller, tree-shakable
// API (a fifth of the full package's start-up cost) but ships no messages: the English ones are
// installed here, so a nested schema's error reads the same wherever it is parsed. Only what the
// project uses is re-exported: handing on the whole namespace would keep every locale in each bundle.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  NEVER,
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
