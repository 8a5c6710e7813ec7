/** The part of `tableschema` (Frictionless' JavaScript library, no typings of its own) the benchmark uses. */
declare module 'tableschema' {
  export interface TableSchemaField {
    name: string;
    type: string;
    format?: string;
    constraints?: Record<string, unknown>;
  }
  export interface TableReadOptions {
    cast?: boolean;
    forceCast?: boolean;
    keyed?: boolean;
    limit?: number;
  }
  export class Table {
    static load(source: string | unknown[][], options: { schema: { fields: TableSchemaField[]; missingValues?: string[] }; headers: number | string[] }): Promise<Table>;
    read(options?: TableReadOptions): Promise<(unknown[] | Error)[]>;
  }
}
