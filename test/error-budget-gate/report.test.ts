import {
  budgetAt,
  budgetChart,
  describeWindow,
  distance,
  downsample,
  sparkline,
} from '../../actions/error-budget-gate/src/report.js';

describe('summary pieces', () => {
  test('downsample keeps the last value of each group, so the end is always shown', () => {
    expect(downsample([1, 2, 3, 4, 5, 6], 3)).toEqual([2, 4, 6]);
    expect(downsample([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([3, 5, 7]);
    expect(downsample([1, 2], 5)).toEqual([1, 2]);
  });

  test.each([
    [[1, 1, 1], '███'],
    [[1, 0.5, 0], '█▅▁'],
    [[1, 0, -1], '█▅▁'],
    [[0.9, 0.9], '▇▇'],
  ])('sparkline %j', (values, line) => expect(sparkline(values)).toBe(line));

  test.each([
    [0, 'under a minute'],
    [59, 'under a minute'],
    [61, '1m'],
    [3 * 3600 + 120, '3h 2m'],
    [10 * 86400 + 13 * 3600 + 59 * 60, '10d 13h'],
  ])('distance %d s is %s', (seconds, text) => expect(distance(seconds)).toBe(text));

  test('windows are described in words', () => {
    expect(describeWindow({ kind: 'rolling', seconds: 28 * 86400 })).toBe('28d rolling');
    expect(describeWindow({ kind: 'calendar', unit: 'M', count: 1 })).toBe('calendar month');
    expect(describeWindow({ kind: 'calendar', unit: 'w', count: 2 })).toBe('calendar 2 weeks');
  });

  test('budgetAt takes the last history point at or before each mark, and 100% before the first', () => {
    const history: Array<[number, number]> = [
      [110, 0.9],
      [120, 0.8],
      [125, 0.7],
      [140, 0.5],
    ];
    // Marks at 100, 110, 120, 130, 140.
    expect(budgetAt(history, 140, 10, 4)).toEqual([1, 0.9, 0.8, 0.7, 0.5]);
    expect(budgetAt([], 140, 10, 2)).toEqual([1, 1, 1]);
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/** The parts of a budget chart's Mermaid source a reader sees. */
function chartParts(source: string) {
  const lines = source.split('\n');
  const axis = /^ {2}x-axis "(\w+) \(0 = now\)" (-\d+) --> 0$/.exec(
    lines.find((l) => /^ {2}x-axis/.test(l))!,
  );
  const series = lines
    .filter((l) => /^ {2}line \[/.test(l))
    .map((l) =>
      l
        .replace(/^ {2}line \[|\]$/g, '')
        .split(', ')
        .map(Number),
    );
  return { lines, unit: axis?.[1], from: Number(axis?.[2]), series };
}

describe('the budget chart', () => {
  const DAY = 86400;
  const end = 1_800_000_000;
  // Hourly buckets over a 30-day window, the budget falling 1% a day, then to -109% on day 10.
  const hourly: Array<[number, number]> = Array.from({ length: 720 }, (_, i) => {
    const t = end - 30 * DAY + (i + 1) * 3600;
    const day = (t - (end - 30 * DAY)) / DAY;
    return [t, day < 10 ? 1 - day / 100 : -1.09];
  });

  test('starts with a colour directive for a visible line, before the chart', () => {
    const { lines } = chartParts(budgetChart('api', hourly, { end, elapsed: 30 * DAY }));
    expect(lines[0]).toMatch(
      /^%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "[^"]+"\}\}\}\}%%$/,
    );
    const palette = /"plotColorPalette": "([^"]+)"/.exec(lines[0]!)![1]!;
    const colours = palette.split(',').map((c) => c.trim());
    // Both lines stand out (WCAG's 3:1 for graphics) on GitHub's light and dark pages and Mermaid's dark chart.
    for (const colour of colours.slice(0, 2))
      for (const page of ['#ffffff', '#0d1117', '#333333'])
        expect(contrast(colour, page)).toBeGreaterThanOrEqual(3);
    // Mermaid 10 colours the second line with palette[1 % (length - 1)]: the same colour either way.
    expect(colours[1]).toBe(colours[1 % (colours.length - 1)]);
    expect(lines[1]).toBe('xychart-beta');
  });

  test('a 30-day window has one point per day on a numeric axis, so Mermaid labels round ticks only', () => {
    const source = budgetChart('api', hourly, { end, elapsed: 30 * DAY });
    const { unit, from, series } = chartParts(source);
    expect(source).not.toMatch(/x-axis \[/);
    expect(unit).toBe('days');
    expect(from).toBe(-30);
    // Points exactly 1 apart: Mermaid 10 and 11 place them alike only then.
    expect(series[0]).toHaveLength(31);
    // The data: the budget at each day mark, to 0.1%.
    const expected = Array.from({ length: 31 }, (_, k) => (k === 0 ? 100 : k < 10 ? 100 - k : -109));
    expect(series[0]).toEqual(expected);
  });

  test('below 0% a grey line marks 0 across the chart; above it there is none', () => {
    const spent = budgetChart('api', hourly, { end, elapsed: 30 * DAY });
    expect(chartParts(spent).series).toHaveLength(2);
    expect(chartParts(spent).series[1]).toEqual(Array.from({ length: 31 }, () => 0));
    expect(spent).toContain('y-axis "budget %" -110 --> 100');
    const healthy = budgetChart(
      'api',
      hourly.map(([t, v]) => [t, Math.abs(v) / 2]),
      { end, elapsed: 30 * DAY },
    );
    expect(chartParts(healthy).series).toHaveLength(1);
    expect(healthy).toContain('y-axis "budget %" 0 --> 100');
  });

  test.each([
    [3600, 'minutes', 60],
    [DAY, 'hours', 24],
    [7 * DAY, 'hours', 168],
    [28 * DAY, 'days', 28],
    [92 * DAY, 'days', 92],
    [365 * DAY, 'weeks', 52],
    // A calendar window 2.5 days in: whole hours back from now.
    [2.5 * DAY, 'hours', 60],
  ])('a span of %d s counts back in %s, %d steps', (elapsed, unit, steps) => {
    const parts = chartParts(budgetChart('x', [[end, 0.5]], { end, elapsed }));
    expect(parts.unit).toBe(unit);
    expect(parts.from).toBe(-steps);
    expect(parts.series[0]).toHaveLength(steps + 1);
    expect(parts.series[0]!.at(-1)).toBe(50);
  });

  test('the title keeps the SLO name readable and Mermaid-safe', () => {
    expect(budgetChart('a "b"\nc', hourly, { end, elapsed: 30 * DAY })).toContain(
      '  title "Error budget remaining (%), a bc"',
    );
  });
});
