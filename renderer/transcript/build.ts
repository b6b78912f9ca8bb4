// The transcript's editor state, built from the laid-out blocks. The whole state is built in one
// update when the source or its structure changes; when only the codings change, the lines whose
// runs changed are rebuilt in one update, so a new coding never rebuilds a long source. Each run
// is one text node carrying every coding id that covers it (runs.ts): no decorator per word.
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $getNodeByKey, $getRoot, createEditor, type ElementNode, type LexicalEditor, type NodeKey } from 'lexical';
import { type Block, formatTimestamp } from './layout.ts';
import { $createTranscriptLineNode, $createTranscriptRunNode, TranscriptLineNode, TranscriptRunNode } from './nodes.ts';

/** The rendered pieces of each line, to rebuild only the lines whose codings changed. */
export interface Built {
  text: string;
  structureKey: string;
  showTimestamps: boolean;
  signatures: string[];
  keys: NodeKey[];
  /** The blocks rebuilt by this update; null when the whole state was built. */
  rebuilt: number[] | null;
}

/** A read-only editor for one transcript; nothing in it is editable, so errors are bugs. */
export function createTranscriptEditor(): LexicalEditor {
  return createEditor({
    namespace: 'tresse-transcript',
    nodes: [TranscriptLineNode, TranscriptRunNode, HeadingNode],
    editable: false,
    theme: { paragraph: 'tr-p', heading: { h1: 'tr-h1', h2: 'tr-h2', h3: 'tr-h3', h4: 'tr-h4', h5: 'tr-h5', h6: 'tr-h6' } },
    onError: (error) => {
      throw error;
    },
  });
}

const signature = (b: Block) => b.pieces.map((p) => `${p.start}-${p.end}:${p.ids.join(',')}`).join('|');

function $appendPieces(node: ElementNode, block: Block, text: string): void {
  node.append(...block.pieces.map((p) => $createTranscriptRunNode(text.slice(p.u16Start, p.u16End), p.ids, p.u16Start, p.speaker)));
}

function $createBlockNode(block: Block, text: string, showTimestamps: boolean): ElementNode {
  const node =
    block.kind === 'heading'
      ? $createHeadingNode(`h${block.level}` as 'h1')
      : $createTranscriptLineNode({
          speaker: block.speaker,
          turn: block.turn,
          turnStart: block.turnStart,
          time: showTimestamps && block.timestampMs !== null ? formatTimestamp(block.timestampMs) : null,
        });
  $appendPieces(node, block, text);
  return node;
}

/** Builds the editor state for `blocks`, or patches the lines that changed since `prev`. */
export function renderBlocks(editor: LexicalEditor, blocks: Block[], text: string, structureKey: string, showTimestamps: boolean, prev: Built | null): Built {
  const signatures = blocks.map(signature);
  const reuse =
    prev !== null && prev.text === text && prev.structureKey === structureKey && prev.showTimestamps === showTimestamps && prev.keys.length === blocks.length;
  let keys: NodeKey[] = reuse ? prev.keys : [];
  const rebuilt: number[] = [];
  editor.update(
    () => {
      if (reuse) {
        blocks.forEach((block, i) => {
          if (signatures[i] === prev.signatures[i]) return;
          rebuilt.push(i);
          const node = $getNodeByKey<ElementNode>(prev.keys[i]!);
          if (!node) return;
          node.clear();
          $appendPieces(node, block, text);
        });
        return;
      }
      const root = $getRoot();
      root.clear();
      keys = blocks.map((block) => {
        const node = $createBlockNode(block, text, showTimestamps);
        root.append(node);
        return node.getKey();
      });
    },
    // Synchronous, so the DOM can be indexed and painted right after.
    { discrete: true },
  );
  return { text, structureKey, showTimestamps, signatures, keys, rebuilt: reuse ? rebuilt : null };
}
