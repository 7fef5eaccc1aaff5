import {
  burnRules,
  dataSource,
  parseAt,
  slosFromInputs,
} from '../../actions/error-budget-gate/src/inputs.js';
import { loadYaml } from '../../shared/yaml.js';

// The YAML parser loads on first need (shared/yaml.ts); parsing an SLO file needs it.
beforeAll(() => loadYaml());

describe('input "at"', () => {
  const now = Date.UTC(2026, 10, 16, 12, 0, 0, 500);
  test.each([
    ['', Date.UTC(2026, 10, 16, 12) / 1000],
    ['1794787200', 1794787200],
    ['1794787200.9', 1794787200],
    ['2026-11-16T00:00:00Z', 1794787200],
    ['2026-11-16T01:00:00+01:00', 1794787200],
    ['2026-11-16 00:00:00.250Z', 1794787200],
  ])('%j', (text, seconds) => expect(parseAt(text || undefined, now)).toBe(seconds));

  test.each(['yesterday', '2026-11-16', '2026-11-16T00:00', '2026-13-01T00:00:00Z', '-5'])(
    '%j is refused',
    (text) => {
      expect(() => parseAt(text, now)).toThrow(/^Input "at" is .* use RFC 3339/);
    },
  );
});

describe('SLOs from inputs', () => {
  const inline = {
    slo: undefined,
    objective: 99.9,
    window: '30d',
    'good-query': undefined,
    'bad-query': 'x_total{code="500"}',
    'total-query': 'x_total',
  };
  const noFile = (path: string): string => {
    throw new Error(`read ${path}`);
  };

  test('inline inputs make one SLO named slo; no file is read', () => {
    const [slo, ...rest] = slosFromInputs(inline, noFile);
    expect(rest).toEqual([]);
    expect(slo).toMatchObject({
      name: 'slo',
      objective: 0.999,
      window: { kind: 'rolling', seconds: 2592000 },
    });
    expect(slo!.bad).toBeDefined();
  });

  test('a bad window is named before the SLO file is read', () => {
    expect(() => slosFromInputs({ ...inline, slo: 'slos.yaml', window: '30 days' }, noFile)).toThrow(
      /^Input "window" is "30 days", which is not allowed/,
    );
  });

  test('an SLO file is read through the given reader and takes the window input as its default', () => {
    const sloth = `version: prometheus/v1
service: api
slos:
  - name: availability
    objective: 99.5
    sli:
      events:
        error_query: sum(rate(x_total{code="500"}[{{.window}}]))
        total_query: sum(rate(x_total[{{.window}}]))
`;
    const read: string[] = [];
    const slos = slosFromInputs({ ...inline, slo: 'slo/sloth.yaml', window: '28d' }, (path) => {
      read.push(path);
      return sloth;
    });
    expect(read).toEqual(['slo/sloth.yaml']);
    expect(slos.map((s) => [s.name, s.objective, s.window])).toEqual([
      ['availability', 0.995, { kind: 'rolling', seconds: 28 * 86400 }],
    ]);
  });
});

describe('burn-rate rules and data source', () => {
  test('no rules input means the defaults; rules are renamed, severity kept', () => {
    expect(burnRules({ 'burn-rate-rules': null })).toBeUndefined();
    expect(
      burnRules({ 'burn-rate-rules': [{ long: 3600, short: 600, 'burn-rate': 14.4, severity: 'warn' }] }),
    ).toEqual([{ long: 3600, short: 600, burnRate: 14.4, severity: 'warn' }]);
  });

  test.each([
    [
      { 'prometheus-url': 'http://prom:9090', file: undefined },
      { kind: 'prometheus', url: 'http://prom:9090' },
    ],
    [
      { 'prometheus-url': undefined, file: 'sli.om' },
      { kind: 'file', path: 'sli.om' },
    ],
    [
      { 'prometheus-url': 'http://prom', file: 'sli.om' },
      /Set only one of inputs "prometheus-url" and "file"/,
    ],
    [{ 'prometheus-url': undefined, file: undefined }, /No data source: set input "prometheus-url"/],
  ])('%j', (values, expected) => {
    if (expected instanceof RegExp) expect(() => dataSource(values)).toThrow(expected);
    else expect(dataSource(values)).toEqual(expected);
  });
});
