import { UserError } from '../../shared/errors.js';
import { input, parseInputs } from '../../shared/inputs.js';

// A YAML alias may repeat a node or name one that contains it; the second is a cycle.
describe('YAML inputs with aliases', () => {
  const shape = { rules: input.yaml((z) => z.array(z.object({ long: z.string() })), [], 'a list of rules') };
  const read = (raw: string) => parseInputs(shape, { input: () => raw });

  it('refuses an alias that names a list containing it, naming the input', async () => {
    const error = await read('&a [*a]').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^Input "rules" is .*alias names a mapping or list that contains it/s,
    );
  });

  it('reads an alias that repeats a node', async () => {
    await expect(read('- &x {long: 1h}\n- *x')).resolves.toEqual({
      rules: [{ long: '1h' }, { long: '1h' }],
    });
  });
});
