import { CliError } from '#cli/cli-error';
import { BilingualError } from '#shared/errors/bilingual-error';
import { PeriodFormatError } from '#shared/period/period-format-error';
import { TemplateSpecError, parseTemplateSpec } from '#shared/spec/parse-template-spec';
import { SummarySpecError } from '#shared/summary/summary-spec-error';
import { WorkbookUnusableError } from '#shared/validation/workbook-unusable-error';
import { WorkbookReadError } from '#shared/xlsx/workbook-read-error';
import { BadRequestError, NotFoundError } from '#functions/services/errors';

describe('BilingualError', () => {
  it('carries a code and both messages, and says both in one line', () => {
    const error = new BilingualError('some-code', '中文', 'English', 'detail');
    expect([error instanceof Error, error.code, error.message_zh, error.message_en, error.message]).toEqual([true, 'some-code', '中文', 'English', '中文 / English (detail)']);
  });

  it('is the base of every bilingual error of the product, each keeping its name, code and message', () => {
    // Prepare
    const errors = [
      new SummarySpecError('汇总无效', 'bad summary'),
      new PeriodFormatError('格式错误', 'bad format'),
      new WorkbookUnusableError('no-template-sheet', '没有模板工作表', 'no template sheet'),
      new WorkbookReadError('corrupt', 'crc'),
      new CliError('参数错误', 'bad argument'),
      new NotFoundError('未找到', 'not found'),
      new BadRequestError('bad-request', '请求无效', 'bad request'),
      new TemplateSpecError('模板定义无效', 'invalid template spec x: y'),
    ];
    // Act
    const seen = errors.map((e) => [e instanceof BilingualError, e.name, e.code, e.message]);
    // Assess
    expect(seen).toEqual([
      [true, 'SummarySpecError', 'summary-spec-error', '汇总无效 / bad summary'],
      [true, 'PeriodFormatError', 'period-format-error', '格式错误 / bad format'],
      [true, 'WorkbookUnusableError', 'no-template-sheet', '没有模板工作表 / no template sheet'],
      [true, 'WorkbookReadError', 'corrupt', '工作簿已损坏或不完整，无法读取 / the workbook is corrupt or truncated and cannot be read (crc)'],
      [true, 'CliError', 'cli-error', '参数错误 / bad argument'],
      [true, 'NotFoundError', 'not-found', '未找到 / not found'],
      [true, 'BadRequestError', 'bad-request', '请求无效 / bad request'],
      [true, 'TemplateSpecError', 'template-spec-error', '模板定义无效 / invalid template spec x: y'],
    ]);
  });

  it('keeps the message of an invalid template spec as it was', () => {
    expect(() => parseTemplateSpec({ id: 'x' })).toThrow(/^模板定义无效 \/ invalid template spec x: /);
  });
});
