// The transcript's two Lexical node types. A run node is one stretch of text that every coding
// covering it shares (see runs.ts); a line node is one line of the source, tagged with its speaker
// turn. Both only write data attributes: colours, emphasis and hiding are applied to the DOM by
// paint.ts, so switching them never needs an editor update.
import { $applyNodeReplacement, type EditorConfig, type LexicalNode, type NodeKey, ParagraphNode, TextNode } from 'lexical';

export class TranscriptRunNode extends TextNode {
  /** Codings covering this run, ascending. */
  __ids: number[];
  /** UTF-16 offset of the run's first character in the source text: the DOM-to-source map. */
  __u16: number;
  __speaker: boolean;

  override $config() {
    return this.config('transcript-run', { extends: TextNode });
  }

  constructor(text = '', ids: number[] = [], u16 = 0, speaker = false, key?: NodeKey) {
    super(text, key);
    this.__ids = ids;
    this.__u16 = u16;
    this.__speaker = speaker;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__ids = prev.__ids;
    this.__u16 = prev.__u16;
    this.__speaker = prev.__speaker;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.setAttribute('data-u16', String(this.__u16));
    if (this.__ids.length > 0) dom.setAttribute('data-coding-ids', this.__ids.join(' '));
    if (this.__speaker) dom.classList.add('tr-speaker');
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (prev.__ids !== this.__ids || prev.__u16 !== this.__u16 || prev.__speaker !== this.__speaker) return true;
    return super.updateDOM(prev, dom, config);
  }

  override isUnmergeable(): boolean {
    return true;
  }
}

export function $createTranscriptRunNode(text: string, ids: number[], u16: number, speaker: boolean): TranscriptRunNode {
  return $applyNodeReplacement(new TranscriptRunNode(text, ids, u16, speaker));
}

export function $isTranscriptRunNode(node: LexicalNode | null | undefined): node is TranscriptRunNode {
  return node instanceof TranscriptRunNode;
}

export interface LineInfo {
  speaker: string | null;
  turn: number;
  turnStart: boolean;
  /** Formatted timestamp shown in the gutter, or null. */
  time: string | null;
}

const NO_LINE: LineInfo = { speaker: null, turn: -1, turnStart: false, time: null };

export class TranscriptLineNode extends ParagraphNode {
  __line: LineInfo;

  override $config() {
    return this.config('transcript-line', { extends: ParagraphNode });
  }

  constructor(line: LineInfo = NO_LINE, key?: NodeKey) {
    super(key);
    this.__line = line;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__line = prev.__line;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    const { speaker, turn, turnStart, time } = this.__line;
    dom.classList.add('tr-line');
    if (speaker !== null) {
      dom.dataset.speaker = speaker;
      dom.dataset.turn = String(turn);
      // Alternate turns get a faint band, so who speaks is visible at a glance.
      dom.classList.add(turn % 2 === 0 ? 'tr-turn-even' : 'tr-turn-odd');
      if (turnStart) dom.classList.add('tr-turn-start');
    }
    if (time !== null) dom.dataset.time = time;
    return dom;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    return prev.__line !== this.__line || super.updateDOM(prev, dom, config);
  }
}

export function $createTranscriptLineNode(line: LineInfo): TranscriptLineNode {
  return $applyNodeReplacement(new TranscriptLineNode(line));
}
