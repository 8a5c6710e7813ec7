import { consolidatedQuerySchema } from '../../../shared/src/api/consolidated-query';

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
