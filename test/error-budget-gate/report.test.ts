import {
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
});
