import { startProgress, type CliOutput } from '#cli/io';

function recordingOutput(): CliOutput & { errLines: string[] } {
  const errLines: string[] = [];
  return { errLines, out: () => undefined, err: (text) => errLines.push(text) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startProgress', () => {
  it('prints nothing for a command that ends before the threshold', async () => {
    const output = recordingOutput();
    const progress = startProgress(output, 1000);
    progress.step('读取 / reading a.xlsx');
    progress.done();
    await sleep(20);
    expect(output.errLines).toEqual([]);
  });

  it('prints the current step once the threshold has passed, every later step, and the end', async () => {
    const output = recordingOutput();
    const progress = startProgress(output, 30);
    progress.step('读取 / reading a.xlsx');
    await sleep(80);
    progress.step('校验 / validating a.xlsx');
    progress.done();
    expect(output.errLines).toHaveLength(3);
    expect(output.errLines[0]).toMatch(/^… 读取 \/ reading a\.xlsx \(\d+\.\d s\)$/);
    expect(output.errLines[1]).toMatch(/^… 校验 \/ validating a\.xlsx/);
    expect(output.errLines[2]).toMatch(/done/);
  });
});

describe('startProgress while a step works synchronously', () => {
  it('prints the step running when the threshold passed and every later one, each once', async () => {
    // Prepare
    const output = recordingOutput();
    const progress = startProgress(output, 30);
    // Act: 1/2 blocks the event loop past the threshold (as reading and validating a big file does).
    progress.step('1/2 a.xlsx');
    const until = Date.now() + 60;
    while (Date.now() < until) {
      // busy: the timer cannot fire
    }
    progress.step('2/2 b.xlsx');
    await sleep(60); // the timer gets its turn now
    progress.done();
    // Assess
    expect(output.errLines.map((line) => line.replace(/ \(\d+\.\d s\)$/, ''))).toEqual(['… 1/2 a.xlsx', '… 2/2 b.xlsx', '… 完成 / done']);
  });
});
