/**
 * Adds a planned bar chart to an .xlsx package that ExcelJS wrote (ExcelJS writes no charts): the chart part,
 * a drawing that anchors it on the sheet, the relationships between sheet, drawing and chart, and the content
 * types. The parts are those Excel itself writes for a clustered bar chart (ECMA-376 Part 1, §21.2 charts and
 * §20.5 spreadsheet drawing), with the cells' contents cached so viewers show the chart without recalculating.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { SummaryChartPlan } from '../../summary-sheet/types';

const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = `${NS_RELATIONSHIPS}/drawing`;
const REL_CHART = `${NS_RELATIONSHIPS}/chart`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const BAR_COLOUR = '4472C4';

/** For element text (formulas keep their quotes as Excel writes them). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For attribute values. */
function escapeXml(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function columnLetters(index0: number): string {
  let n = index0 + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `'汇总 2026-12-01'!$C$5:$C$14` (quotes doubled inside the name). */
function rangeRef(sheetName: string, column: number, firstRow: number, lastRow: number): string {
  const col = columnLetters(column);
  return `'${sheetName.replace(/'/g, "''")}'!$${col}$${firstRow}:$${col}$${lastRow}`;
}

function chartXml(chart: SummaryChartPlan): string {
  const count = chart.categories.length;
  const categoryPoints = chart.categories.map((name, i) => `<c:pt idx="${i}"><c:v>${escapeText(name)}</c:v></c:pt>`).join('');
  const valuePoints = chart.values
    .map((value, i) => (value === null || !Number.isFinite(value) ? '' : `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`))
    .join('');
  const headerCell = `'${chart.sheetName.replace(/'/g, "''")}'!$${columnLetters(chart.valueColumn)}$${chart.firstRow - 1}`;
  const format = escapeXml(chart.numberFormat);
  const title = escapeText(chart.title);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_RELATIONSHIPS}">` +
    '<c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:strRef><c:f>${escapeText(headerCell)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${title}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOUR}"/></a:solidFill></c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${escapeText(rangeRef(chart.sheetName, chart.categoryColumn, chart.firstRow, chart.lastRow))}</c:f><c:strCache><c:ptCount val="${count}"/>${categoryPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(rangeRef(chart.sheetName, chart.valueColumn, chart.firstRow, chart.lastRow))}</c:f><c:numCache><c:formatCode>${escapeText(chart.numberFormat)}</c:formatCode><c:ptCount val="${count}"/>${valuePoints}</c:numCache></c:numRef></c:val>` +
    '</c:ser>' +
    '<c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/>' +
    '</c:barChart>' +
    // Categories top to bottom in rank order (maxMin), so the value axis crosses at the other end (max) to stay below.
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>' +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="50010001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

function drawingXml(chart: SummaryChartPlan, chartRelId: string): string {
  const { fromColumn, fromRow, toColumn, toRow } = chart.anchor;
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', fromColumn, fromRow) +
    marker('to', toColumn, toRow) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_RELATIONSHIPS}" r:id="${chartRelId}"/>` +
    '</a:graphicData></a:graphic>' +
    '</xdr:graphicFrame>' +
    '<xdr:clientData/>' +
    '</xdr:twoCellAnchor>' +
    '</xdr:wsDr>'
  );
}

function relationshipsXml(relationships: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELATIONSHIPS}">${relationships}</Relationships>`;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The sheet part of the named sheet, through workbook.xml and its relationships (xl/worksheets/sheet1.xml). */
function sheetPartOf(files: Record<string, Uint8Array>, sheetName: string): string {
  const workbook = strFromU8(files['xl/workbook.xml']);
  const sheetTag = (workbook.match(/<sheet\s[^>]*\/>/g) ?? []).find((tag) => attribute(tag, 'name') === escapeXml(sheetName).replace(/&apos;/g, "'"));
  const relId = sheetTag ? attribute(sheetTag, 'r:id') : undefined;
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const relTag = (rels.match(/<Relationship\s[^>]*\/>/g) ?? []).find((tag) => attribute(tag, 'Id') === relId);
  const target = relTag ? attribute(relTag, 'Target') : undefined;
  if (!target) throw new Error(`summary workbook: sheet ${sheetName} not found in the package`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** A relationship id not used in the given .rels text (rId1, rId2, ...). */
function freeRelId(rels: string): string {
  let n = 1;
  while (rels.includes(`Id="rId${n}"`)) n += 1;
  return `rId${n}`;
}

/** Elements of CT_Worksheet that follow <drawing>: the drawing goes before the first of them. */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

function insertDrawing(sheetXml: string, relId: string): string {
  let at = -1;
  for (const marker of AFTER_DRAWING) {
    const i = sheetXml.indexOf(marker);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_RELATIONSHIPS}"`);
  return xml;
}

/** The package with the chart added on its sheet; the input is left as it is. */
export function addChartToWorkbook(xlsx: Uint8Array, chart: SummaryChartPlan): Uint8Array {
  const files = unzipSync(xlsx);
  const sheetPart = sheetPartOf(files, chart.sheetName);
  const slash = sheetPart.lastIndexOf('/');
  const sheetRelsPart = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
  let n = 1;
  while (files[`xl/drawings/drawing${n}.xml`] || files[`xl/charts/chart${n}.xml`]) n += 1;
  const drawingPart = `xl/drawings/drawing${n}.xml`;
  const chartPart = `xl/charts/chart${n}.xml`;

  const sheetRels = files[sheetRelsPart] ? strFromU8(files[sheetRelsPart]) : relationshipsXml('');
  const drawingRelId = freeRelId(sheetRels);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    if (path === '[Content_Types].xml') {
      const types = strFromU8(data).replace(
        '</Types>',
        `<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/><Override PartName="/${chartPart}" ContentType="${CT_CHART}"/></Types>`,
      );
      out[path] = strToU8(types);
    } else if (path === sheetPart) {
      out[path] = strToU8(insertDrawing(strFromU8(data), drawingRelId));
    } else if (path !== sheetRelsPart) {
      out[path] = data;
    }
  }
  out[sheetRelsPart] = strToU8(
    sheetRels.replace('</Relationships>', `<Relationship Id="${drawingRelId}" Type="${REL_DRAWING}" Target="../drawings/drawing${n}.xml"/></Relationships>`),
  );
  out[drawingPart] = strToU8(drawingXml(chart, 'rId1'));
  out[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(relationshipsXml(`<Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${n}.xml"/>`));
  out[chartPart] = strToU8(chartXml(chart));
  return zipSync(out, { level: 6 });
}
