/**
 * The other baseline of the whole-process benchmark: Frictionless' `tableschema` validating the same
 * rows as a CSV file against the template's closest Table Schema (table-schema-of.ts), as its own process.
 * argv: CSV file, schema JSON file. Prints the invalid rows and the peak RSS on stderr.
 */
import { readFileSync } from 'node:fs';
import { Table, type TableSchemaField } from 'tableschema';

async function validateCsv(csvFile: string, schemaFile: string): Promise<void> {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { fields: TableSchemaField[] };
  const table = await Table.load(csvFile, { schema, headers: 1 });
  const rows = await table.read({ forceCast: true });
  const invalidRows = rows.filter((row: unknown) => row instanceof Error).length;
  process.stderr.write(`${JSON.stringify({ rows: rows.length, invalidRows, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

validateCsv(process.argv[2], process.argv[3]).catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 2;
});
