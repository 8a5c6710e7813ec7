/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MemoryWorkbookView } from '#addin/components/MemoryWorkbookView';
import { MemoryWorkbook } from '#addin/excel/memory-workbook';

describe('MemoryWorkbookView (?host=memory)', () => {
  it('lets a person click a cell, type and press Enter, as in Excel; the next row is selected', async () => {
    // Prepare
    const workbook = new MemoryWorkbook(['Sheet1']);
    const user = userEvent.setup();
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <MemoryWorkbookView workbook={workbook} />
      </FluentProvider>,
    );
    // Act
    await user.click(container.querySelector('td[data-cell="B3"]') as HTMLElement);
    const editor = screen.getByLabelText('单元格 B3：输入后按 Enter');
    await user.type(editor, '张三{Enter}');
    await user.type(screen.getByLabelText('单元格 B4：输入后按 Enter'), '2026-12-08{Enter}');
    // Assess
    expect(workbook.cell('Sheet1', 'B3')?.value).toBe('张三');
    expect(container.querySelector('td[data-cell="B3"]')?.textContent).toBe('张三');
    expect(container.querySelector('td[data-cell="B4"]')?.textContent).toBe('2026-12-08');
    expect(workbook.selection).toBe('B5');
  });
});
