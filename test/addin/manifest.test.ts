/**
 * manifest.xml against Microsoft's official (2019) manifest schemas, offline (../shared/office-xsd/check, xmllint),
 * and the two things those schemas do not check: every resid names a resource, every URL is https.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const manifestPath = path.join(root, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');
const check = path.resolve(root, '..', 'shared', 'office-xsd', 'check');

describe('manifest.xml', () => {
  beforeAll(() => mkdirSync(path.join(root, 'test', 'artifacts'), { recursive: true }));

  it('is valid against the official manifest schemas', () => {
    expect(existsSync(check)).toBe(true);
    const output = execFileSync(check, [manifestPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).not.toContain('INVALID');
  });

  it('fails the schema check when an element the 2019 schemas reject is added (the check can fail)', () => {
    const broken = path.join(root, 'test', 'artifacts', 'manifest-with-runtimes.xml');
    writeFileSync(broken, manifest.replace('<DesktopFormFactor>', '<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes><DesktopFormFactor>'));
    expect(() => execFileSync(check, [broken], { stdio: 'pipe' })).toThrow();
  });

  it('points every resid to a resource it defines', () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('uses only https URLs', () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"|<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });

  it('is a task-pane add-in for Excel, zh-CN by default with English, asking for ExcelApi 1.9', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest).toContain('Locale="en-US"');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.9"/>');
    expect(manifest).toContain('https://localhost:3000/taskpane.html');
  });

  it('takes the production pane URL from the build, and stays valid', () => {
    // Prepare: the build's manifest step (addin/dev/build-addin.mjs is an ES module: run it in its own node).
    const render = (url: string) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', `import { readFileSync } from 'node:fs'; const m = await import('./addin/dev/build-addin.mjs'); process.stdout.write(m.renderManifest(readFileSync('manifest.xml', 'utf8'), ${JSON.stringify(url)}));`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const built = path.join(root, 'test', 'artifacts', 'manifest-production.xml');

    // Act
    writeFileSync(built, render('https://d111.cloudfront.net/'));

    // Assess
    const xml = readFileSync(built, 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain('<SourceLocation DefaultValue="https://d111.cloudfront.net/taskpane.html"/>');
    expect(() => execFileSync(check, [built], { stdio: 'pipe' })).not.toThrow();
    expect(() => render('http://insecure.example')).toThrow();
  });

  it('has the icons it names', () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect(existsSync(path.join(root, 'addin', icon))).toBe(true);
  });
});
