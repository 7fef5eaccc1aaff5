import { type SloResult, decideGate } from '../../actions/error-budget-gate/src/decision.js';
import { gateOutputs, gateWarnings } from '../../actions/error-budget-gate/src/outputs.js';
import { overrideReason, overrideRecord } from '../../actions/error-budget-gate/src/override.js';
import { parseSliQuery } from '../../actions/error-budget-gate/src/promql.js';
import type { Slo } from '../../actions/error-budget-gate/src/slo.js';

const at = Date.UTC(2026, 10, 16) / 1000;
const DAY = 86400;
const slo = (name: string): Slo => ({
  name,
  objective: 0.999,
  window: { kind: 'rolling', seconds: 30 * DAY },
  budgeting: { method: 'occurrences' },
  bad: parseSliQuery('x_total{code="500"}') as Slo['total'],
  total: parseSliQuery('x_total') as Slo['total'],
});
const result = (
  name: string,
  decision: SloResult['decision'],
  extra: Partial<SloResult> = {},
): SloResult => ({
  slo: slo(name),
  decision,
  reason: `${name} is ${decision}`,
  span: { start: at - 30 * DAY, end: at, elapsed: 30 * DAY, length: 30 * DAY },
  step: 3600,
  burnRates: new Map(),
  rules: [],
  history: [],
  ...extra,
});

describe('outputs', () => {
  const blocked = result('api', 'block', {
    window: { bad: 2090, total: 1_000_000 },
    errorRatio: 0.00209,
    budgetRemaining: -1.09,
    coverage: 1,
    burnRates: new Map([
      [300, 0],
      [3600, 27.313712],
      [30 * DAY, Infinity],
    ]),
    reopensAt: at + 10 * DAY,
  });
  const unknown = result('checkout', 'inconclusive');

  test('the deciding SLO fills the single-value outputs; every SLO is listed at full precision', () => {
    const gate = decideGate([unknown, blocked], { onInconclusive: 'block' });
    expect(gateOutputs(gate, [unknown, blocked])).toEqual({
      decision: 'block',
      'budget-remaining': '-1.0900',
      'error-ratio': '0.00209',
      'burn-rates': { '5m': 0, '1h': 27.3137, '30d': null },
      reason: 'api: api is block',
      'reopens-at': '2026-11-26T00:00:00Z',
      slos: [
        {
          name: 'checkout',
          decision: 'inconclusive',
          reason: 'checkout is inconclusive',
          objective: 0.999,
          windowStart: '2026-10-17T00:00:00Z',
          bad: null,
          total: null,
          errorRatio: null,
          budgetRemaining: null,
          burnRates: {},
          coverage: null,
          reopensAt: null,
        },
        {
          name: 'api',
          decision: 'block',
          reason: 'api is block',
          objective: 0.999,
          windowStart: '2026-10-17T00:00:00Z',
          bad: 2090,
          total: 1_000_000,
          errorRatio: 0.00209,
          budgetRemaining: -1.09,
          burnRates: { '5m': 0, '1h': 27.3137, '30d': null },
          coverage: 1,
          reopensAt: '2026-11-26T00:00:00Z',
        },
      ],
    });
  });

  test('unknown numbers are empty outputs, and a reopening time shows only for a block', () => {
    const outputs = gateOutputs(decideGate([unknown], { onInconclusive: 'block' }), [unknown]);
    expect(outputs).toMatchObject({ 'budget-remaining': '', 'error-ratio': '', 'reopens-at': '' });
    const warned = result('api', 'warn', { reopensAt: at });
    expect(gateOutputs(decideGate([warned], { onInconclusive: 'block' }), [warned])['reopens-at']).toBe('');
  });

  test.each([
    ['pass', 'block', []],
    ['block', 'block', []],
    ['warn', 'block', [{ level: 'warning', title: 'Error budget burning', message: 'api is warn' }]],
    ['inconclusive', 'block', []],
    [
      'inconclusive',
      'pass',
      [
        {
          level: 'warning',
          title: 'Error budget gate inconclusive',
          message: 'Passing because on-inconclusive is pass: api is inconclusive',
        },
      ],
    ],
  ] as const)('a %s gate with on-inconclusive %s warns with %j', (decision, onInconclusive, warnings) => {
    expect(gateWarnings(decideGate([result('api', decision)], { onInconclusive }))).toEqual(warnings);
  });

  test('an overridden gate warns with nothing more: the override has its own notice', () => {
    const gate = decideGate([blocked], { onInconclusive: 'block', overrideReason: 'hotfix' });
    expect(gate.decision).toBe('override');
    expect(gateWarnings(gate)).toEqual([]);
  });
});

describe('override', () => {
  const pr = { pullRequest: { number: 7, labels: ['docs', 'release-anyway'] } } as const;
  test.each([
    [{ 'override-reason': 'hotfix INC-42', 'override-label': 'release-anyway' }, pr, 'hotfix INC-42'],
    [{ 'override-label': 'release-anyway' }, pr, 'label "release-anyway" on pull request #7'],
    [{ 'override-label': 'ship-it' }, pr, undefined],
    [{ 'override-label': 'release-anyway' }, { pullRequest: undefined }, undefined],
    [{}, pr, undefined],
  ])('%j on %j is %j', (values, ctx, reason) =>
    expect(overrideReason(values, ctx as Parameters<typeof overrideReason>[1])).toBe(reason),
  );

  test('the record names who, what was overridden and why, on one line per fact', () => {
    const gate = decideGate([result('api', 'block')], { onInconclusive: 'block', overrideReason: 'x' });
    const record = overrideRecord(gate, `hotfix\nINC-42 ${'!'.repeat(600)}`, {
      actor: '',
      runId: '12',
      runUrl: 'https://github.com/acme/shop/actions/runs/12',
    });
    expect(record.actor).toBe('unknown');
    expect(record.notice).toMatch(
      /^Error budget gate overridden by unknown \(block: api is block\)\. Reason: hotfix\n/,
    );
    const lines = record.comment.split('\n');
    expect(lines[0]).toBe(
      '**Error budget gate overridden** by @unknown in [run 12](https://github.com/acme/shop/actions/runs/12).',
    );
    expect(lines[2]).toBe('- Decision overridden: `block`: api is block');
    expect(lines[3]).toBe(`- Reason: hotfix INC-42 ${'!'.repeat(486)}… (114 more characters)`);
    expect(lines).toHaveLength(4);
  });
});
