import { formatDuration, parseDuration } from '../../shared/duration.js';

describe('durations', () => {
  it.each([
    ['30d', 2_592_000],
    ['1h', 3600],
    ['5m', 300],
    ['1h30m', 5400],
    ['2w', 1_209_600],
    ['90s', 90],
  ])('%s is %d seconds and back', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
    expect(parseDuration(formatDuration(seconds))).toBe(seconds);
  });
  it.each(['', '0d', '30', 'd', '1.5h', '-1h', '1y'])('%j is not a duration', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});
