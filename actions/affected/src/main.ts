import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { UserError } from '../../../shared/errors.js';

export const inputs = {
  base: input.optional(),
  head: input.optional(),
  'working-directory': input.text(),
};

export async function run(io: ActionIO): Promise<void> {
  parseInputs(inputs, io);
  throw new UserError('affected is not ready yet: only its inputs are checked.');
}
