// What the walk through every screen checks on each one: words left in the other language, axe-core's
// serious and critical violations, and a layout that fits the window without breaking words.
import { createRequire } from 'node:module';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { catalogue } from '../../i18n/catalogue.ts';
import { importNoteMessages } from '../../i18n/import-notes.ts';
import type { Lang } from '../../i18n/lang.ts';
import { METHOD_SECTIONS, METHOD_TITLE } from '../../i18n/method-page.ts';
import { ratingLabels } from '../../i18n/rating-labels.ts';
import { teamLabels } from '../../i18n/team-labels.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What the page's `window.axe` offers once axe.min.js is in: the typings of the package. */
interface AxeApi {
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
}

type Pair = { fr: string; en: string };

type Entry = { fr: unknown; en: unknown };

/** Every French/English pair the interface may show; plural forms (arrays) pair up by position. */
function allPairs(): Pair[] {
  const entries: Entry[] = [
    ...Object.values(catalogue as Record<string, Entry>),
    ...Object.values(importNoteMessages as Record<string, Entry>),
    ...Object.values(ratingLabels as Record<string, Entry>),
    ...Object.values(teamLabels as Record<string, Entry>),
    METHOD_TITLE,
  ];
  for (const s of METHOD_SECTIONS) entries.push(s.title, ...s.paragraphs);
  const pairs: Pair[] = [];
  for (const { fr, en } of entries) {
    if (typeof fr === 'string' && typeof en === 'string') pairs.push({ fr, en });
    else if (Array.isArray(fr) && Array.isArray(en)) fr.forEach((f, i) => pairs.push({ fr: String(f), en: String(en[i] ?? en[0]) }));
  }
  // An empty side means "the same in both" (the Méthode page's references).
  return pairs.map((p) => ({ fr: p.fr || p.en, en: p.en || p.fr }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A template with `{name}` holes as a whole-string pattern; null when its fixed words are too few to tell. */
function pattern(template: string): RegExp | null {
  const parts = normal(template).split(/\{\w+\}/);
  if (parts.join('').replace(/[^\p{L}]/gu, '').length < 6) return null;
  return new RegExp(`^${parts.map(escape).join('.+?')}$`, 'su');
}

// Words of the interface that a label of the other language would betray: checked on whole words,
// outside user data.
const ONLY_FRENCH =
  /\b(annuler|fermer|enregistrer|supprimer|ouvrir|importer|exporter|rechercher|recherche|aucune?|extraits?|codages?|sauvegardes?|fichier|projet|matrice|tableau|entretiens|valider|choisir|ajouter|renommer|fusionner|cas liés?|sources liées)\b/iu;
const ONLY_ENGLISH =
  /\b(cancel|close|save|delete|open|import|export|search|none|excerpts?|codings?|backups?|file|project|matrix|table|interviews|choose|add|rename|merge|linked|show|hide)\b/iu;

export class Leftovers {
  private readonly exact: Set<string>;
  private readonly patterns: RegExp[];
  private readonly own: Set<string>;
  private readonly words: RegExp;

  /**
   * `userData`: every text value stored in the project (names, definitions, transcripts): what
   * the user wrote is never a leftover, whatever its language.
   */
  constructor(
    readonly lang: Lang,
    private readonly userData: { values: Set<string>; names: string[]; whole: string },
  ) {
    const other: Lang = lang === 'fr' ? 'en' : 'fr';
    const all = allPairs();
    this.own = new Set(all.map((p) => normal(p[lang])));
    const pairs = all.filter((p) => p.fr !== p.en);
    this.exact = new Set(pairs.map((p) => normal(p[other])).filter((s) => !this.own.has(s) && !/\{\w+\}/.test(s)));
    this.patterns = pairs
      .filter((p) => /\{\w+\}/.test(p[other]))
      .map((p) => pattern(p[other]))
      .filter((r): r is RegExp => r !== null);
    this.words = lang === 'en' ? ONLY_FRENCH : ONLY_ENGLISH;
  }

  /** Why `text` is a leftover of the other language, or null. */
  check(raw: string): string | null {
    const text = normal(raw);
    if (text.length < 2 || this.own.has(text) || this.userData.values.has(text)) return null;
    if (this.exact.has(text)) return 'catalogue';
    if (this.patterns.some((r) => r.test(text))) return 'catalogue template';
    // A snippet of the user's text, cut at either end.
    const inner = text.replace(/^…|…$/g, '').trim();
    if (inner.length > 3 && this.userData.whole.includes(inner)) return null;
    // File paths name folders as they are on disk (…/backups): not words of the interface.
    let rest = text.replace(/\S*[/\\]\S*/g, ' ');
    for (const name of this.userData.names) if (rest.includes(name)) rest = rest.split(name).join(' ');
    // What is left of a label that quotes the user's text (a source's name, then a snippet of it).
    rest = rest
      .split(/[—…]/)
      .filter((part) => part.trim().length <= 3 || !this.userData.whole.includes(part.trim()))
      .join(' ');
    const word = this.words.exec(rest);
    return word ? `word "${word[0]}"` : null;
  }
}

interface Shown {
  where: string;
  text: string;
}

/** Visible text nodes, element texts and labelling attributes of the page, outside the user's own text. */
export async function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const SKIP = '[data-testid="transcript-text"], [contenteditable="true"], [data-user-data], script, style, svg text';
    const out: { where: string; text: string }[] = [];
    const visible = (el: Element) => {
      if (el.closest(SKIP)) return false;
      const h = el as HTMLElement;
      if (h.closest('[hidden], [aria-hidden="true"]')) return false;
      return h.getClientRects().length > 0 && getComputedStyle(h).visibility !== 'hidden';
    };
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/)[0]}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !n.textContent?.trim() || !visible(parent)) continue;
      out.push({ where: describe(parent), text: n.textContent });
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el)) continue;
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr);
        if (v?.trim()) out.push({ where: `${describe(el)}[${attr}]`, text: v });
      }
      // A label split by inline markup (a name in <strong>) reads as one string.
      if (el.children.length > 0 && el.childNodes.length > 1) {
        const whole = (el as HTMLElement).innerText ?? '';
        if (whole.length < 200 && !whole.includes('\n')) out.push({ where: describe(el), text: whole });
      }
    }
    return out;
  });
}

export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: AxeApi };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      html: v.nodes[0]?.html.slice(0, 400) ?? '',
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')} — first: ${v.html}`);
}

/** A page wider than the window, and headers whose words break across lines. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) problems.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
    if (document.body.scrollWidth > window.innerWidth + 1) problems.push(`the body is ${document.body.scrollWidth}px wide in a ${window.innerWidth}px window`);
    const headers = document.querySelectorAll('h1, h2, h3, h4, th, [role="tab"], .view-nav button, label, legend, button');
    for (const el of headers) {
      if ((el as HTMLElement).getClientRects().length === 0 || el.closest('[hidden]')) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (const m of n.data.matchAll(/[\p{L}\p{N}’'-]{2,}/gu)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const rects = [...r.getClientRects()].filter((x) => x.width > 0);
          const tops = new Set(rects.map((x) => Math.round(x.top)));
          // A hyphenated compound may wrap at its hyphen; any other break cuts the word.
          if (tops.size > 1 && !m[0].includes('-'))
            problems.push(`"${m[0]}" breaks across lines in <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 60)}"`);
        }
      }
    }
    return [...new Set(problems)];
  });
}
