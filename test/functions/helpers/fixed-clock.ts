/**
 * Fixes `Date` (only: timers, ticks and performance stay real) for tests that go through handlers,
 * whose deps read the wall clock: day rules (a report dated after the day of checking is an error)
 * then judge the fixtures' days on a known day, not on the day the suite runs.
 */
export function useFixedDate(at: Date): void {
  jest.useFakeTimers({
    now: at,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
