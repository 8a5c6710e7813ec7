/**
 * The baseline of the whole-process benchmark (bench/xlsx-read.bench.ts): a process that merely opens
 * an .xlsx file with ExcelJS (`workbook.xlsx.readFile`) and reads nothing from it, then prints its peak RSS.
 */
import ExcelJS from 'exceljs';

async function open(file: string): Promise<void> {
  await new ExcelJS.Workbook().xlsx.readFile(file);
  // resourceUsage().maxRSS is in kilobytes.
  process.stderr.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

open(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 2;
});
