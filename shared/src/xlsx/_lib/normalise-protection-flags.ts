import JSZip from 'jszip';

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const PROTECTION_ELEMENT = /<sheetProtection\b[^>]*>/g;
const BOOLEAN_WORD = /(\s[A-Za-z]+)="(true|false)"/g;

/**
 * The .xlsx bytes with every sheet's `<sheetProtection>` flags written 1/0 instead of true/false.
 * Both are valid (xsd:boolean) and LibreOffice writes the words, but ExcelJS reads only 1/0 and
 * would drop the protection of a LibreOffice-saved sheet when it writes the file again. Bytes
 * without such flags come back unchanged (same object).
 * `jszip` is the zip library ExcelJS itself depends on (and loads these bytes with).
 */
export async function normaliseProtectionFlags(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const path of Object.keys(zip.files).filter((name) => SHEET_PART.test(name))) {
    const xml = await zip.file(path)!.async('string');
    if (!xml.includes('<sheetProtection')) continue;
    const fixed = xml.replace(PROTECTION_ELEMENT, (element) => element.replace(BOOLEAN_WORD, (_all, name: string, word: string) => `${name}="${word === 'true' ? '1' : '0'}"`));
    if (fixed === xml) continue;
    zip.file(path, fixed);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : bytes;
}
