import { startProgress, type CliOutput } from '#cli/io';

function recordingOutput(): CliOutput & { errLines: string[] } {
  const errLines: string[] = [];
  return { errLines, out: () => undefined, err: (text) => errLines.push(text) };
}

// Fake timers: the clock moves when the test says so, not with the machine's load.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('startProgress', () => {
  it('prints nothing for a command that ends before the threshold', () => {
    const output = recordingOutput();
    const progress = startProgress(output, 1000);
    progress.step('读取 / reading a.xlsx');
    jest.advanceTimersByTime(999);
    progress.done();
    jest.advanceTimersByTime(5000);
    expect(output.errLines).toEqual([]);
  });

  it('prints the current step once the threshold has passed, every later step, and the end', () => {
    const output = recordingOutput();
    const progress = startProgress(output, 30);
    progress.step('读取 / reading a.xlsx');
    jest.advanceTimersByTime(80);
    progress.step('校验 / validating a.xlsx');
    progress.done();
    expect(output.errLines).toEqual(['… 读取 / reading a.xlsx (0.0 s)', '… 校验 / validating a.xlsx (0.1 s)', '… 完成 / done (0.1 s)']);
  });
});

describe('startProgress while a step works synchronously', () => {
  it('prints the step running when the threshold passed and every later one, each once', () => {
    // Prepare
    const output = recordingOutput();
    const progress = startProgress(output, 30);
    // Act: 1/2 blocks the event loop past the threshold (as reading and validating a big file does):
    // the clock moves on, the timer cannot fire.
    progress.step('1/2 a.xlsx');
    jest.setSystemTime(Date.now() + 60);
    progress.step('2/2 b.xlsx');
    jest.advanceTimersByTime(60); // the timer gets its turn now
    progress.done();
    // Assess
    expect(output.errLines).toEqual(['… 1/2 a.xlsx (0.0 s)', '… 2/2 b.xlsx (0.1 s)', '… 完成 / done (0.1 s)']);
  });
});
