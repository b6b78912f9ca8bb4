// Runs the runtime packages from an unpacked copy of app.asar the way Tresse's bundles use them,
// and prints (JSON) what worked and every file that was loaded or read on the way. Used by
// tests/build/packaging.test.ts: a file the packaging left out makes a step fail here.
//   node packed-runtime-probe.mjs <app dir> <job JSON file>
// Job: { addon: Node build of better-sqlite3, pdf: a PDF file, fonts: package specifiers,
//        specifiers: the packages the bundle requires, log: a file the module hooks append to }.
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [appDir, jobFile] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8'));
const seen = new Set();

// ES modules (pdf.js and the worker it imports) are recorded by a resolve hook, which runs on the
// loader thread: it appends to the log file.
const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.startsWith('file:')) appendFileSync(log, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { log: job.log } });

// Files read as data (pdf.js's character maps and standard fonts) go through fs.
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (typeof path === 'string' || path instanceof URL) seen.add(String(path instanceof URL ? fileURLToPath(path) : path));
  return readFileSync.call(this, path, ...rest);
};
const readFile = fs.promises.readFile;
fs.promises.readFile = function (path, ...rest) {
  if (typeof path === 'string' || path instanceof URL) seen.add(path instanceof URL ? fileURLToPath(path) : String(path));
  return readFile.call(this, path, ...rest);
};

// The bundle's own location: require() and import() in dist-electron/main.cjs resolve from there.
const req = createRequire(join(appDir, 'dist-electron', 'main.cjs'));
const result = { resolved: {}, sqlite: null, inkPixels: 0, pdfText: '' };

for (const spec of job.specifiers) result.resolved[spec] = req.resolve(spec);

const Database = req('better-sqlite3');
const db = new Database(':memory:', { nativeBinding: job.addon });
result.sqlite = db.prepare('select sqlite_version() as v').get().v;
db.close();

const { Resvg } = req('@resvg/resvg-js');
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40">' +
  '<text x="4" y="28" font-family="DejaVu Sans" font-size="20">Entretien</text>' +
  '<text x="120" y="28" font-family="DejaVu Sans" font-weight="bold" font-style="italic" font-size="20">CL1</text></svg>';
const image = new Resvg(svg, {
  font: { loadSystemFonts: false, fontFiles: job.fonts.map((f) => req.resolve(f)), defaultFontFamily: 'DejaVu Sans' },
}).render();
for (let i = 3; i < image.pixels.length; i += 4) if (image.pixels[i] > 0) result.inkPixels++;

const pdfjs = await import(pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
const root = req.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
const task = pdfjs.getDocument({
  data: new Uint8Array(fs.readFileSync(job.pdf)),
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
  cMapUrl: `${root}cmaps/`,
  standardFontDataUrl: `${root}standard_fonts/`,
});
try {
  const doc = await task.promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  result.pdfText = content.items.map((i) => i.str ?? '').join('');
} finally {
  await task.destroy();
}

for (const file of Object.keys(req.cache)) seen.add(file);
for (const url of fs.existsSync(job.log) ? readFileSync(job.log, 'utf8').split('\n') : []) {
  if (url) seen.add(fileURLToPath(url));
}
result.files = [...seen].map((f) => resolve(f)).sort();
process.stdout.write(JSON.stringify(result));
