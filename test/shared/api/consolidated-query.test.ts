import { checkConsolidatedRange, consolidatedQuerySchema } from '#shared/api/consolidated-query';

describe('consolidatedQuerySchema', () => {
  it('takes days or months, a dense ranking and rows=1', () => {
    // Act
    const query = consolidatedQuerySchema.parse({ template: 'activity-tracking', subBranch: '3301', from: '2026-11', to: '2026-12', ranking: 'dense', rows: '1' });

    // Assess
    expect(query).toEqual({ template: 'activity-tracking', subBranch: '3301', from: '2026-11', to: '2026-12', ranking: 'dense', rows: '1' });
  });

  it('needs only the template and the sub-branch', () => {
    // Act
    const query = consolidatedQuerySchema.parse({ template: 'invite-daily', subBranch: '3301' });

    // Assess
    expect(query).toEqual({ template: 'invite-daily', subBranch: '3301' });
  });

  it('names each field it refuses', () => {
    // Act
    const result = consolidatedQuerySchema.safeParse({ template: '', subBranch: '3301', from: '2026-12-1', ranking: 'top', rows: 'yes' });

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['from', 'ranking', 'rows', 'template']);
  });
});

describe('checkConsolidatedRange', () => {
  it('accepts a single day, a leap year of 366 days and twelve months', () => {
    // Act
    const problems = [
      checkConsolidatedRange('2026-12-01', '2026-12-01'),
      checkConsolidatedRange('2028-01-01', '2028-12-31'),
      checkConsolidatedRange('2026-01', '2026-12'),
    ];
    // Assess
    expect(problems).toEqual([null, null, null]);
  });

  it('refuses from after to, naming both fields in Chinese and English', () => {
    // Act
    const problem = checkConsolidatedRange('2026-12-08', '2026-12-01');
    // Assess
    expect(problem?.code).toBe('bad-range');
    expect(problem?.message_zh).toContain('from（2026-12-08）');
    expect(problem?.message_en).toBe('from (2026-12-08) is after to (2026-12-01)');
  });

  it('refuses 367 days and thirteen months', () => {
    // Act
    const days = checkConsolidatedRange('2026-01-01', '2027-01-02');
    const months = checkConsolidatedRange('2026-01', '2027-01');
    // Assess
    expect([days?.code, months?.code]).toEqual(['bad-range', 'bad-range']);
    expect(days?.message_en).toContain('367 days');
  });

  it('counts 0000-01-01..9999-12-31 by arithmetic, in well under a millisecond per call', () => {
    // Act
    const started = process.hrtime.bigint();
    let problem = null;
    for (let i = 0; i < 1000; i++) problem = checkConsolidatedRange('0000-01-01', '9999-12-31');
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    // Assess: listing the 3.65 million days once took seconds; 1000 checks stay far below one second even on a loaded machine
    expect(problem?.message_en).toContain('3652425 days');
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('leaves a day that does not exist to the period helpers (bad-period)', () => {
    // Act
    const problem = checkConsolidatedRange('2026-02-30', '2026-03-01');
    // Assess
    expect(problem).toBeNull();
  });
});
