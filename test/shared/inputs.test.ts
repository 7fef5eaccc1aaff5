import { InputError } from '../../shared/errors.js';
import { input, parseInputs, splitList } from '../../shared/inputs.js';

const io = (values: Record<string, string>) => ({ input: (name: string) => values[name] ?? '' });

describe('parseInputs', () => {
  const shape = {
    enabled: input.boolean(),
    count: input.integer(1, 10),
    ratio: input.number(0, 1),
    window: input.duration(),
    mode: input.oneOf(['fast', 'safe'] as const),
    files: input.list(),
    rules: input.yaml((z) => z.record(z.string(), z.number()), {}, 'a map of names to numbers'),
    config: input.json((z) => z.array(z.string()), [], 'an array of strings'),
    note: input.optional(),
  };
  const good = {
    enabled: 'TRUE',
    count: '3',
    ratio: '0.5',
    window: '1h30m',
    mode: 'Safe',
    files: 'a.xml, b.xml\n# c\nd.xml',
    rules: 'x: 1',
    config: '["a"]',
    note: '',
  };

  it('turns raw strings into one typed object', async () => {
    expect(await parseInputs(shape, io(good))).toEqual({
      enabled: true,
      count: 3,
      ratio: 0.5,
      window: 5400,
      mode: 'safe',
      files: ['a.xml', 'b.xml', 'd.xml'],
      rules: { x: 1 },
      config: ['a'],
      note: undefined,
    });
  });

  it.each([
    [
      'enabled',
      'maybe',
      'Input "enabled" is "maybe", which is not allowed: allowed values are true, True, TRUE, false, False or FALSE.',
    ],
    [
      'count',
      '11',
      'Input "count" is "11", which is not allowed: allowed values are whole numbers from 1 to 10.',
    ],
    [
      'count',
      '2.5',
      'Input "count" is "2.5", which is not allowed: allowed values are whole numbers from 1 to 10.',
    ],
    ['ratio', 'NaN', 'Input "ratio" is "NaN", which is not allowed: allowed values are numbers from 0 to 1.'],
    [
      'window',
      '30 days',
      'Input "window" is "30 days", which is not allowed: allowed values are durations such as 30d, 6h, 5m or 1h30m.',
    ],
    ['mode', 'turbo', 'Input "mode" is "turbo", which is not allowed: allowed values are fast, safe.'],
  ])('rejects %s=%j with one sentence', async (name, value, message) => {
    const run = () => parseInputs(shape, io({ ...good, [name]: value }));
    await expect(run()).rejects.toThrow(InputError);
    await expect(run()).rejects.toThrow(message);
  });

  it('says why a JSON or YAML value is wrong', async () => {
    await expect(parseInputs(shape, io({ ...good, config: '{"a":1}' }))).rejects.toThrow(
      /Input "config" is .* expected an array of strings as JSON/,
    );
    await expect(parseInputs(shape, io({ ...good, rules: 'x: [' }))).rejects.toThrow(
      /Input "rules" .* expected a map of names to numbers as YAML/,
    );
  });

  it('never echoes a secret input', async () => {
    const secretShape = { token: input.required() };
    await expect(parseInputs(secretShape, io({ token: '' }), { secret: ['token'] })).rejects.toThrow(
      'Input "token" is (hidden)',
    );
  });

  it('masks secret inputs as it reads them, and the credentials of URLs, even when parsing fails', async () => {
    const masked: string[] = [];
    const shape = {
      token: input.required(),
      db: input.required(),
      url: input.required(),
      n: input.integer(1, 2),
    };
    const values = {
      token: ' tok-1 ',
      db: 'postgres://app:p%40ss%word@db/x',
      url: 'https://robot:s3cret@prom.example.com/api',
      n: 'x',
    };
    const read = parseInputs(
      shape,
      { ...io(values), setSecret: (value: string) => masked.push(value) },
      { secret: ['token', 'db'], urlCredentials: ['url'] },
    );
    await expect(read).rejects.toThrow(/Input "n"/);
    expect(masked.sort()).toEqual(
      [' tok-1 ', 'tok-1', values.db, 'app', 'p%40ss%word', 'p@ss%word', 'robot', 's3cret'].sort(),
    );
    expect(masked).not.toContain(values.url); // the address helps read the log
  });

  it('cuts a 10 KB value in the message', async () => {
    const error = await parseInputs(shape, io({ ...good, mode: 'x'.repeat(10_000) })).catch((e: Error) => e);
    expect((error as Error).message.length).toBeLessThan(400);
  });
});

describe('splitList', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['a\n\n b \n', ['a', 'b']],
    ['# comment\na', ['a']],
    ['', []],
  ])('%j', (raw, list) => expect(splitList(raw)).toEqual(list));
});
