import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { UserError } from '../../../shared/errors.js';

export const inputs = {
  paths: input.list(),
  'fail-on': input.oneOf(['error', 'warning', 'never']),
};

export async function run(io: ActionIO): Promise<void> {
  parseInputs(inputs, io);
  throw new UserError('migration-lint is not ready yet: only its inputs are checked.');
}
