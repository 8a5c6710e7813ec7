/**
 * A counting fake of the part of Excel's object model the adapter uses. office-addin-mock neither counts
 * syncs nor models collections, so this fake keeps a workbook (cells, conditional formats, tables, charts),
 * counts `context.sync()` calls and, like Excel, refuses to read a loaded property before the sync that loads it.
 */
import { columnLetters, columnNumber } from '#addin/sheets/addresses';

type Cell = { value: unknown; formula: string | null; numberFormat: string; fill: string | null; bold: boolean };

export class FakeRequestContext {
  syncs = 0;
  private pending: (() => void)[] = [];
  readonly workbook: FakeWorkbook;
  /** Every range write in order: [kind, sheet, address, payload]. */
  readonly log: [string, string, string, unknown][] = [];
  /** Characters of written payloads (values, formulas, formats) since the last sync, and the largest seen. */
  payloadSinceSync = 0;
  largestPayload = 0;

  constructor(workbook: FakeWorkbook) {
    this.workbook = workbook;
    workbook.context = this;
  }

  queueLoad(apply: () => void): void {
    this.pending.push(apply);
  }

  addPayload(data: unknown): void {
    this.payloadSinceSync += JSON.stringify(data).length;
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    this.largestPayload = Math.max(this.largestPayload, this.payloadSinceSync);
    this.payloadSinceSync = 0;
    const pending = this.pending;
    this.pending = [];
    for (const apply of pending) apply();
  }
}

function parseRange(address: string): { c1: number; r1: number; c2: number; r2: number } {
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (whole) return { c1: columnNumber(whole[1]), r1: 1, c2: columnNumber(whole[2]), r2: 1048576 };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) throw new Error(`fake: bad address ${address}`);
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  return { c1, r1, c2: m[3] ? columnNumber(m[3]) : c1, r2: m[4] ? Number(m[4]) : r1 };
}

export class FakeConditionalFormat {
  type: string;
  deleted = false;
  custom = { rule: { formula: '' }, format: { fill: { color: '' } } };
  customOrNullObject: { isNullObject: boolean; rule: { formula: string } };
  constructor(
    private readonly sheet: FakeWorksheet,
    type: string,
    readonly areas: string,
  ) {
    this.type = type;
    const isNullObject = () => this.type !== 'Custom';
    this.customOrNullObject = {
      get isNullObject() {
        return isNullObject();
      },
      rule: this.custom.rule,
    };
  }
  delete(): void {
    this.sheet.context.log.push(['delete-cf', this.sheet.name, this.areas, this.custom.rule.formula]);
    this.deleted = true;
    this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((c) => c !== this);
  }
}

export class FakeConditionalFormatCollection {
  items: FakeConditionalFormat[] = [];
  __loaded = new Set<string>();
  constructor(
    private readonly sheet: FakeWorksheet,
    private readonly areas: string,
  ) {}
  load(): void {
    this.sheet.context.queueLoad(() => {
      this.items = [...this.sheet.conditionalFormats];
      this.__loaded.add('items');
    });
  }
  add(type: string): FakeConditionalFormat {
    const cf = new FakeConditionalFormat(this.sheet, type, this.areas);
    this.sheet.conditionalFormats.push(cf);
    this.sheet.context.log.push(['add-cf', this.sheet.name, this.areas, type]);
    return cf;
  }
}

export class FakeRange {
  __loaded = new Set<string>();
  isNullObject = false;
  values: unknown[][] = [];
  formulas: unknown[][] = [];
  rowIndex = 0;
  columnIndex = 0;
  rowCount = 0;
  readonly format: {
    font: { bold: boolean; size: number };
    fill: { color: string };
    columnWidth: number;
    wrapText: boolean;
    borders: { getItem(edge: string): { style: string; color: string } };
    autofitColumns(): void;
  };
  readonly dataValidation: { rule: unknown };
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    readonly sheet: FakeWorksheet,
    readonly address: string,
  ) {
    const log = (kind: string, payload: unknown) => sheet.context.log.push([kind, sheet.name, address, payload]);
    const cells = () => sheet.cellsOf(address);
    this.format = {
      font: {
        set bold(v: boolean) {
          for (const c of cells()) c.bold = v;
          log('bold', v);
        },
        get bold() {
          return false;
        },
        set size(v: number) {
          log('fontSize', v);
        },
        get size() {
          return 11;
        },
      },
      fill: {
        set color(v: string) {
          for (const c of cells()) c.fill = v;
          log('fill', v);
        },
        get color() {
          return '';
        },
      },
      set columnWidth(v: number) {
        log('columnWidth', v);
      },
      get columnWidth() {
        return 0;
      },
      wrapText: false,
      borders: { getItem: (edge: string) => ({ set style(v: string) { log('border', `${edge} ${v}`); }, get style() { return ''; }, color: '' }) },
      autofitColumns: () => log('autofit', null),
    };
    const validation = { rule: undefined as unknown };
    this.dataValidation = {
      set rule(v: unknown) {
        validation.rule = v;
        sheet.validations.push({ address, rule: v });
      },
      get rule() {
        return validation.rule;
      },
    };
    this.conditionalFormats = new FakeConditionalFormatCollection(sheet, address);
    const define = (name: 'values' | 'formulas' | 'numberFormat', apply: (cell: Cell, v: unknown) => void) =>
      Object.defineProperty(this, name, {
        set(v: unknown[][]) {
          sheet.context.addPayload(v);
          log(name, v);
          const { c1, r1 } = parseRange(address);
          v.forEach((row, r) => row.forEach((x, c) => apply(sheet.cell(columnLetters(c1 + c), r1 + r), x)));
        },
        get: () => {
          if (!this.__loaded.has(name)) throw new Error(`fake: property ${name} read before it was loaded and synced`);
          return (this as unknown as Record<string, unknown>)[`_${name}`];
        },
      });
    define('values', (cell, v) => {
      if (typeof v === 'string' && v.startsWith('=') && cell.numberFormat !== '@') {
        cell.formula = v;
        cell.value = null;
      } else {
        cell.value = v === '' ? null : v;
        cell.formula = null;
      }
    });
    define('formulas', (cell, v) => {
      cell.formula = typeof v === 'string' && v.startsWith('=') ? v : null;
      cell.value = cell.formula ? null : v;
    });
    define('numberFormat', (cell, v) => {
      cell.numberFormat = String(v);
    });
  }

  load(names: string): void {
    this.sheet.context.queueLoad(() => {
      for (const name of names.split(',').map((n) => n.trim())) {
        this.__loaded.add(name);
        const key = ['values', 'formulas', 'numberFormat'].includes(name) ? `_${name}` : name;
        (this as unknown as Record<string, unknown>)[key] = this.read(name);
      }
    });
  }

  private read(name: string): unknown {
    const { c1, r1, c2, r2 } = parseRange(this.address);
    const rows = Array.from({ length: r2 - r1 + 1 }, (_, r) =>
      Array.from({ length: c2 - c1 + 1 }, (_, c) => this.sheet.cells.get(`${columnLetters(c1 + c)}${r1 + r}`)),
    );
    if (name === 'values') return rows.map((r) => r.map((cell) => (cell?.value ?? '') as unknown));
    if (name === 'formulas') return rows.map((r) => r.map((cell) => cell?.formula ?? cell?.value ?? ''));
    if (name === 'rowIndex') return r1 - 1;
    if (name === 'columnIndex') return c1 - 1;
    if (name === 'rowCount') return r2 - r1 + 1;
    throw new Error(`fake: cannot load ${name}`);
  }

  select(): void {
    this.sheet.context.workbook.selection = `${this.sheet.name}!${this.address}`;
  }
}

export class FakeWorksheet {
  cells = new Map<string, Cell>();
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: { address: string; rule: unknown }[] = [];
  readonly tables = {
    items: [] as { address: string; style: string; showTotals: boolean }[],
    add: (address: string, hasHeaders: boolean) => {
      const table = { address, style: '', showTotals: !hasHeaders };
      this.tables.items.push(table);
      return table;
    },
  };
  readonly charts = {
    items: [] as {
      type: string;
      values: string;
      categories: string | null;
      title: { text: string };
      legend: { visible: boolean };
      position: string | null;
      axes: { categoryAxis: { reversePlotOrder: boolean } };
      dataLabels: { showValue: boolean; numberFormat: string };
    }[],
    add: (type: string, values: FakeRange, seriesBy: string) => {
      void seriesBy;
      const chart = {
        type,
        values: values.address,
        categories: null as string | null,
        title: { text: '' },
        legend: { visible: true },
        position: null as string | null,
        axes: { categoryAxis: { reversePlotOrder: false } },
        dataLabels: { showValue: false, numberFormat: 'General' },
        series: { getItemAt: () => ({ setXAxisValues: (r: FakeRange) => (chart.categories = r.address) }) },
        setPosition: (start: string, end?: string) => (chart.position = end ? `${start}:${end}` : start),
      };
      this.charts.items.push(chart);
      return chart;
    },
  };
  visibility = 'Visible';
  frozenRows = 0;
  changeHandlers: (() => Promise<void>)[] = [];
  isNullObject = false;
  __loaded = new Set<string>();
  readonly freezePanes = { freezeRows: (n: number) => (this.frozenRows = n) };
  autoFilterRange: string | null = null;
  readonly autoFilter = { apply: (range: FakeRange) => (this.autoFilterRange = range.address) };
  printTitleRows: string | null = null;
  readonly pageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    zoom: {} as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number },
    setPrintTitleRows: (rows: string) => (this.printTitleRows = rows),
  };
  readonly onChanged = { add: (handler: () => Promise<void>) => this.changeHandlers.push(handler) };

  private sheetName: string;

  constructor(
    readonly context: FakeRequestContext,
    name: string,
  ) {
    this.sheetName = name;
  }

  get name(): string {
    return this.sheetName;
  }

  /** Renaming keeps the sheet active when it was. */
  set name(next: string) {
    if (this.context.workbook.activeName === this.sheetName) this.context.workbook.activeName = next;
    this.context.log.push(['rename-sheet', this.sheetName, '', next]);
    this.sheetName = next;
  }

  cell(col: string, row: number): Cell {
    const key = `${col}${row}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: 'General', fill: null, bold: false };
      this.cells.set(key, cell);
    }
    return cell;
  }

  cellsOf(address: string): Cell[] {
    const { c1, r1, c2, r2 } = parseRange(address);
    if (r2 - r1 > 5000) return [];
    const out: Cell[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(this.cell(columnLetters(c), r));
    return out;
  }

  /** A1 address of the filled cells' bounding box, or null. */
  usedAddress(valuesOnly: boolean): string | null {
    let r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
    for (const [key, cell] of this.cells) {
      const filled = cell.value !== null || cell.formula !== null || (!valuesOnly && (cell.fill !== null || cell.bold || cell.numberFormat !== 'General'));
      if (!filled) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(key)!;
      const c = columnNumber(m[1]);
      const r = Number(m[2]);
      r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
    }
    return r2 === 0 ? null : `${columnLetters(c1)}${r1}:${columnLetters(c2)}${r2}`;
  }

  load(): void {
    this.context.queueLoad(() => this.__loaded.add('name'));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this, address ?? 'A1:ZZ1000');
  }

  getRanges(addresses: string): { conditionalFormats: FakeConditionalFormatCollection } {
    return { conditionalFormats: new FakeConditionalFormatCollection(this, addresses) };
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const range = new FakeRange(this, 'A1');
    let resolved: FakeRange | null = null;
    return new Proxy(range, {
      get: (target, prop, receiver) => {
        if (prop === 'load') {
          return (names: string) => {
            this.context.queueLoad(() => {
              const address = this.isNullObject ? null : this.usedAddress(valuesOnly);
              if (address) {
                resolved = new FakeRange(this, address);
                const range = resolved;
                for (const name of names.split(',').map((n) => n.trim())) {
                  range.__loaded.add(name);
                  const key = ['values', 'formulas', 'numberFormat'].includes(name) ? `_${name}` : name;
                  (range as unknown as Record<string, unknown>)[key] = (range as unknown as { read(n: string): unknown }).read(name);
                }
              }
              target.__loaded.add('isNullObject');
            });
          };
        }
        if (prop === 'isNullObject') return resolved === null;
        if (resolved) return Reflect.get(resolved, prop);
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  activate(): void {
    this.context.workbook.activeName = this.name;
  }

  delete(): void {
    this.context.log.push(['delete-sheet', this.name, '', null]);
    this.context.workbook.sheets = this.context.workbook.sheets.filter((s) => s !== this);
  }
}

/** A null worksheet, as getItemOrNullObject gives for a missing name. */
function nullSheet(context: FakeRequestContext, name: string): FakeWorksheet {
  const sheet = new FakeWorksheet(context, name);
  sheet.isNullObject = true;
  return sheet;
}

export class FakeWorkbook {
  sheets: FakeWorksheet[] = [];
  activeName = '';
  selection: string | null = null;
  context!: FakeRequestContext;

  get worksheets() {
    let items: FakeWorksheet[] | null = null;
    return {
      load: () => this.context.queueLoad(() => (items = [...this.sheets])),
      get items() {
        if (!items) throw new Error('fake: worksheets.items read before it was loaded and synced');
        return items;
      },
      getActiveWorksheet: () => this.sheets.find((s) => s.name === this.activeName)!,
      getItem: (name: string) => {
        const sheet = this.sheets.find((s) => s.name === name);
        if (!sheet) throw new Error(`ItemNotFound: ${name}`);
        return sheet;
      },
      getItemOrNullObject: (name: string) => this.sheets.find((s) => s.name === name) ?? nullSheet(this.context, name),
      add: (name: string) => {
        const sheet = new FakeWorksheet(this.context, name);
        this.sheets.push(sheet);
        this.context.log.push(['add-sheet', name, '', null]);
        return sheet;
      },
    };
  }
}

/** Makes a fake workbook with the given sheets; the first is active. Returns the context and an Excel.run-like runner. */
export function createFakeExcel(sheetNames: string[] = ['Sheet1']) {
  const workbook = new FakeWorkbook();
  const context = new FakeRequestContext(workbook);
  for (const name of sheetNames) workbook.worksheets.add(name);
  workbook.activeName = sheetNames[0] ?? '';
  context.log.length = 0;
  const run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    // The fake stands in for Excel.RequestContext structurally; the cast is the point of a fake.
    batch(context as unknown as Excel.RequestContext);
  return { workbook, context, run };
}
