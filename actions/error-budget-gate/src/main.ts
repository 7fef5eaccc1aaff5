import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { UserError } from '../../../shared/errors.js';

export const inputs = {
  objective: input.number(0, 100),
  window: input.duration(),
};

export async function run(io: ActionIO): Promise<void> {
  parseInputs(inputs, io);
  throw new UserError('error-budget-gate is not ready yet: only its inputs are checked.');
}
