import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { UserError } from '../../../shared/errors.js';

export const inputs = {
  environment: input.required(),
  service: input.optional(),
  token: input.optional(),
};

export async function run(io: ActionIO): Promise<void> {
  parseInputs(inputs, io, { secret: ['token'] });
  throw new UserError('deploy-metadata is not ready yet: only its inputs are checked.');
}
