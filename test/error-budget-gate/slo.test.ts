import {
  bucketExpression,
  countExpression,
  formatSelector,
  parseSelector,
  parseSliQuery,
} from '../../actions/error-budget-gate/src/promql.js';
import { inlineSlo, parseSloFile, parseWindowInput } from '../../actions/error-budget-gate/src/slo.js';
import { loadYaml } from '../../shared/yaml.js';

// The YAML parser loads on first need (shared/yaml.ts); parsing an SLO file needs it.
beforeAll(() => loadYaml());

const THIRTY_DAYS = { kind: 'rolling' as const, seconds: 30 * 86400 };

describe('PromQL selectors and queries', () => {
  test.each([
    ['http_requests_total', { metric: 'http_requests_total', matchers: [] }],
    [
      'http_requests_total{job="api",code=~"5.."}',
      {
        metric: 'http_requests_total',
        matchers: [
          { label: 'job', op: '=', value: 'api' },
          { label: 'code', op: '=~', value: '5..' },
        ],
      },
    ],
    [
      ' x { a != "b" , c!~\'d\' } ',
      {
        metric: 'x',
        matchers: [
          { label: 'a', op: '!=', value: 'b' },
          { label: 'c', op: '!~', value: 'd' },
        ],
      },
    ],
    ['{__name__="up"}', { matchers: [{ label: '__name__', op: '=', value: 'up' }] }],
    [
      'x{job="we\\"ird\\\\job\\n"}',
      { metric: 'x', matchers: [{ label: 'job', op: '=', value: 'we"ird\\job\n' }] },
    ],
    ['x{a="\\u00e9\\x41"}', { metric: 'x', matchers: [{ label: 'a', op: '=', value: 'éA' }] }],
    ['x{a=`raw\\n`}', { metric: 'x', matchers: [{ label: 'a', op: '=', value: 'raw\\n' }] }],
  ])('parses %s', (text, selector) => expect(parseSelector(text)).toEqual(selector));

  test.each([
    'sum(x)',
    'x{a="b"} or vector(1)',
    'x{a="b"',
    'x{a=b}',
    'x{a="b\\q"}',
    '{}',
    'x[5m]',
    'x{a="b"}}',
  ])('%s is not a selector', (text) => {
    expect(parseSelector(text)).toBeUndefined();
  });

  test('formatting escapes label values so they cannot end the string', () => {
    const hostile = 'a"}) or vector(1) #\\';
    const text = formatSelector({ metric: 'x', matchers: [{ label: 'job', op: '=', value: hostile }] });
    expect(text).toBe('x{job="a\\"}) or vector(1) #\\\\"}');
    expect(parseSelector(text)).toEqual({
      metric: 'x',
      matchers: [{ label: 'job', op: '=', value: hostile }],
    });
  });

  test('counter selectors become sum(increase()) and $window is substituted', () => {
    const selector = parseSliQuery('http_requests_total{code=~"5.."}');
    expect(countExpression(selector as never, 3600)).toBe(
      'sum(increase(http_requests_total{code=~"5.."}[1h]))',
    );
    const expression = parseSliQuery('sum(rate(x[$window])) * $window_seconds_not_this');
    expect(expression).toEqual({
      kind: 'expression',
      template: 'sum(rate(x[$window])) * $window_seconds_not_this',
    });
    expect(countExpression(expression as never, 300)).toBe('sum(rate(x[5m])) * $window_seconds_not_this');
    expect(bucketExpression(selector as never, 30 * 86400, 3600)).toBe(
      '(sum(increase(http_requests_total{code=~"5.."}[1h])))[30d:1h]',
    );
    expect(countExpression(selector as never, 1_234_567)).toBe(
      'sum(increase(http_requests_total{code=~"5.."}[1234567s]))',
    );
  });

  test('anything else is refused with a reason', () => {
    expect(parseSliQuery('sum(x)')).toMatch(
      /neither a counter selector .* nor an expression containing \$window/,
    );
  });
});

describe('windows and inline SLOs', () => {
  test.each([
    ['30d', THIRTY_DAYS],
    ['4w', { kind: 'rolling', seconds: 28 * 86400 }],
    ['calendar-month', { kind: 'calendar', unit: 'M', count: 1 }],
    ['Calendar-Week', { kind: 'calendar', unit: 'w', count: 1 }],
    ['month', undefined],
    ['30', undefined],
  ])('window %s', (text, window) => expect(parseWindowInput(text)).toEqual(window));

  test('inline inputs need total-query and exactly one of good/bad', () => {
    const base = { objectivePercent: 99.9, window: THIRTY_DAYS };
    expect(() => inlineSlo(base)).toThrow(/No SLO is defined/);
    expect(() => inlineSlo({ ...base, badQuery: 'x' })).toThrow(/No SLO is defined/);
    expect(() => inlineSlo({ ...base, badQuery: 'x', goodQuery: 'y', totalQuery: 'z' })).toThrow(
      /only one of/,
    );
    expect(() => inlineSlo({ ...base, objectivePercent: 100, badQuery: 'x', totalQuery: 'z' })).toThrow(
      /between 0 and 100/,
    );
    expect(() => inlineSlo({ ...base, badQuery: 'sum(x)', totalQuery: 'z' })).toThrow(
      /Input "bad-query": the query "sum\(x\)" is neither/,
    );
    expect(inlineSlo({ ...base, badQuery: 'x{a="b"}', totalQuery: 'x' })).toMatchObject({
      objective: 0.999,
      bad: { kind: 'selector' },
      total: { kind: 'selector' },
    });
  });
});

describe('SLO files', () => {
  test('OpenSLO v1: inline and referenced indicators, several objectives, calendar, timeslices', () => {
    const slos = parseSloFile(
      `apiVersion: openslo/v1
kind: SLI
metadata: { name: errors }
spec:
  ratioMetric:
    counter: true
    bad: { metricSource: { type: Prometheus, spec: { query: 'x{code=~"5.."}' } } }
    total: { metricSource: { type: Prometheus, spec: { query: x } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: api }
spec:
  indicatorRef: errors
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ displayName: gold, target: 0.999 }, { displayName: silver, targetPercent: 99 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: monthly }
spec:
  indicatorRef: errors
  timeWindow: [{ duration: 1M, calendar: { startTime: '2026-01-15 00:00:00', timeZone: UTC } }]
  budgetingMethod: Timeslices
  objectives: [{ target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 5m }]
`,
      'slo.yaml',
      THIRTY_DAYS,
    );
    expect(slos.map((s) => [s.name, s.objective])).toEqual([
      ['api/gold', 0.999],
      ['api/silver', 0.99],
      ['monthly', 0.99],
    ]);
    expect(slos[0]!.window).toEqual({ kind: 'rolling', seconds: 28 * 86400 });
    expect(slos[2]!.window).toEqual({
      kind: 'calendar',
      unit: 'M',
      count: 1,
      anchor: Date.UTC(2026, 0, 15) / 1000,
    });
    expect(slos[2]!.budgeting).toEqual({ method: 'timeslices', sliceSeconds: 300, sliceTarget: 0.95 });
  });

  test('Sloth: {{.window}} becomes $window, the window comes from the input', () => {
    const [slo] = parseSloFile(
      `version: prometheus/v1
service: myservice
slos:
  - name: requests-availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{ .window }}]))
`,
      'sloth.yaml',
      THIRTY_DAYS,
    );
    expect(slo).toMatchObject({ name: 'requests-availability', objective: 0.999, window: THIRTY_DAYS });
    expect(countExpression(slo!.bad!, 3600)).toBe(
      'sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[1h]))',
    );
  });

  test('Pyrra: ratio and latency indicators', () => {
    const slos = parseSloFile(
      `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata: { name: api-errors }
spec:
  target: '99.5'
  window: 2w
  indicator:
    ratio:
      errors: { metric: 'http_requests_total{job="api",code=~"5.."}' }
      total: { metric: 'http_requests_total{job="api"}' }
---
apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata: { name: api-latency }
spec:
  target: '99'
  window: 4w
  indicator:
    latency:
      success: { metric: 'http_request_duration_seconds_bucket{job="api",le="0.3"}' }
      total: { metric: 'http_request_duration_seconds_count{job="api"}' }
`,
      'pyrra.yaml',
      THIRTY_DAYS,
    );
    expect(slos.map((s) => [s.name, s.objective, s.window, s.good ? 'good' : 'bad'])).toEqual([
      ['api-errors', 0.995, { kind: 'rolling', seconds: 14 * 86400 }, 'bad'],
      ['api-latency', 0.99, { kind: 'rolling', seconds: 28 * 86400 }, 'good'],
    ]);
  });

  test.each([
    ['kind: Deployment\n', /holds no SLO/],
    ['a: [', /not valid YAML/],
    [
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec: {indicatorRef: nope}\n',
      /indicatorRef "nope" names no SLI/,
    ],
    [
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec:\n  indicator: {spec: {ratioMetric: {bad: {metricSource: {spec: {query: x}}}, total: {metricSource: {spec: {query: y}}}}}}\n  timeWindow: [{duration: 1M, calendar: {timeZone: Europe/Paris}}]\n  objectives: [{target: 0.9}]\n',
      /time zone "Europe\/Paris" is not supported/,
    ],
    [
      'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec:\n  indicator: {spec: {ratioMetric: {bad: {metricSource: {spec: {query: x}}}, total: {metricSource: {spec: {query: y}}}}}}\n  timeWindow: [{duration: 30d, isRolling: true}]\n  budgetingMethod: RatioTimeslices\n  objectives: [{target: 0.9}]\n',
      /budgetingMethod "RatioTimeslices" is not supported/,
    ],
    [
      'version: prometheus/v1\nslos: [{name: a, objective: 99, sli: {events: {error_query: x, total_query: y}}}, {name: a, objective: 99, sli: {events: {error_query: x, total_query: y}}}]\n',
      /two SLOs are named "a"/,
    ],
    [
      'version: prometheus/v1\nslos: [{name: a, objective: 99, sli: {raw: {error_ratio_query: x}}}]\n',
      /only sli.events/,
    ],
  ])('refuses a bad file: %#', (text, message) => {
    expect(() => parseSloFile(text, 'f.yaml', THIRTY_DAYS)).toThrow(message);
  });
});
