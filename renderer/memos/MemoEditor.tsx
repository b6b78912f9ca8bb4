// The memo editor: a small rich-text editor (bold, italic, headings, lists) for memos on the
// project, a source, a case, a code or a coding. Saves both the plain text (searched and exported)
// and the Lexical editor state (to edit the memo again as written), on blur and on Ctrl+S.
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type EditorState,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { type FocusEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { Memo, MemoTarget } from '../../model/types.ts';
import { useT } from '../i18n/lang-context.tsx';
import './memo.css';

export interface MemoEditorProps {
  memo: Memo | null;
  target: MemoTarget;
  onSave(input: { text: string; richText: string }): void;
}

/** Plain text of a memo: one line per paragraph, list items as "- " or "1. " lines. */
export function $memoPlainText(): string {
  const lines: string[] = [];
  const walk = (node: LexicalNode, depth: number) => {
    if ($isListNode(node)) {
      let n = node.getStart();
      for (const item of node.getChildren()) {
        const nested = (item as ListItemNode).getChildren().find($isListNode);
        const own = (item as ListItemNode)
          .getChildren()
          .filter((c) => !$isListNode(c))
          .map((c) => c.getTextContent())
          .join('');
        if (own || !nested) lines.push(`${'  '.repeat(depth)}${node.getListType() === 'number' ? `${n++}.` : '-'} ${own}`);
        if (nested) walk(nested, depth + 1);
      }
    } else lines.push(node.getTextContent());
  };
  for (const child of $getRoot().getChildren()) walk(child, 0);
  return lines.join('\n').replace(/\s+$/, '');
}

/** A memo written before the rich editor existed (or imported) opens as paragraphs of its text. */
function initialState(memo: Memo | null): string | ((editor: LexicalEditor) => void) | undefined {
  if (memo?.richText) return memo.richText;
  const text = memo?.text ?? '';
  if (!text) return undefined;
  return () => {
    const root = $getRoot();
    for (const line of text.split('\n')) root.append($createParagraphNode().append($createTextNode(line)));
  };
}

function Toolbar({ onSave, dirty }: { onSave: () => void; dirty: boolean }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState({ bold: false, italic: false, heading: false, list: '' as '' | 'bullet' | 'number' });

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return;
          const top = selection.anchor.getNode().getTopLevelElement();
          setState({
            bold: selection.hasFormat('bold'),
            italic: selection.hasFormat('italic'),
            heading: $isHeadingNode(top),
            list: $isListNode(top) ? (top.getListType() === 'number' ? 'number' : 'bullet') : '',
          });
        });
      }),
    [editor],
  );

  const toggleHeading = () =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) {
        $setBlocksType(selection, () => (state.heading ? $createParagraphNode() : $createHeadingNode('h3')));
      }
    });
  const toggleList = (kind: 'bullet' | 'number') =>
    editor.dispatchCommand(
      state.list === kind ? REMOVE_LIST_COMMAND : kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
      undefined,
    );

  // Buttons keep the focus in the text, so the selection they act on stays.
  const keep = (e: { preventDefault(): void }) => e.preventDefault();
  return (
    <div className="memo-toolbar" role="toolbar" aria-label={t('memo.toolbar')}>
      <button
        type="button"
        onMouseDown={keep}
        aria-pressed={state.bold}
        title={t('memo.bold')}
        aria-label={t('memo.bold')}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <b>G</b>
      </button>
      <button
        type="button"
        onMouseDown={keep}
        aria-pressed={state.italic}
        title={t('memo.italic')}
        aria-label={t('memo.italic')}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <i>I</i>
      </button>
      <button type="button" onMouseDown={keep} aria-pressed={state.heading} title={t('memo.heading')} aria-label={t('memo.heading')} onClick={toggleHeading}>
        T
      </button>
      <button
        type="button"
        onMouseDown={keep}
        aria-pressed={state.list === 'bullet'}
        title={t('memo.bulletList')}
        aria-label={t('memo.bulletList')}
        onClick={() => toggleList('bullet')}
      >
        •
      </button>
      <button
        type="button"
        onMouseDown={keep}
        aria-pressed={state.list === 'number'}
        title={t('memo.numberedList')}
        aria-label={t('memo.numberedList')}
        onClick={() => toggleList('number')}
      >
        1.
      </button>
      <span className="memo-status" aria-live="polite">
        {dirty ? t('memo.unsaved') : ''}
      </span>
      <button type="button" onMouseDown={keep} className="memo-save" onClick={onSave} disabled={!dirty}>
        {t('memo.save')}
      </button>
    </div>
  );
}

/** Gives the outer component the editor, to read its state when saving. */
function EditorRef({ editorRef }: { editorRef: { current: LexicalEditor | null } }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editorRef.current = editor;
  }, [editor, editorRef]);
  return null;
}

function MemoEditorInner({ memo, target, onSave }: MemoEditorProps) {
  const t = useT();
  const editorRef = useRef<LexicalEditor | null>(null);
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);

  const markDirty = useCallback((_state: EditorState) => {
    dirtyRef.current = true;
    setDirty(true);
  }, []);

  const save = useCallback(() => {
    const editor = editorRef.current;
    if (!editor || !dirtyRef.current) return;
    const state = editor.getEditorState();
    const text = state.read($memoPlainText);
    dirtyRef.current = false;
    setDirty(false);
    onSaveRef.current({ text, richText: JSON.stringify(state.toJSON()) });
  }, []);

  // Unsaved changes are not lost when the memo is closed (another code selected, panel hidden).
  useEffect(() => () => save(), [save]);

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      e.stopPropagation();
      save();
    }
  };
  const onBlur = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) save();
  };

  const title = t(`memo.target.${target.kind}`);
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'tresse-memo',
        nodes: [HeadingNode, ListNode, ListItemNode],
        editorState: initialState(memo),
        theme: {
          paragraph: 'memo-p',
          heading: { h1: 'memo-h', h2: 'memo-h', h3: 'memo-h' },
          list: { ul: 'memo-ul', ol: 'memo-ol', listitem: 'memo-li' },
          text: { bold: 'memo-bold', italic: 'memo-italic' },
        },
        onError: (error) => {
          throw error;
        },
      }}
    >
      <div className="memo-editor" data-testid="memo-editor" onKeyDown={onKeyDown} onBlur={onBlur}>
        <Toolbar onSave={save} dirty={dirty} />
        <div className="memo-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="memo-content"
                aria-label={title}
                aria-placeholder={t('memo.placeholder')}
                placeholder={<div className="memo-placeholder">{t('memo.placeholder')}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <OnChangePlugin ignoreSelectionChange onChange={markDirty} />
        <EditorRef editorRef={editorRef} />
      </div>
    </LexicalComposer>
  );
}

const targetKey = (target: MemoTarget) => (target.kind === 'project' ? 'project' : `${target.kind}:${target.id}`);

export function MemoEditor(props: MemoEditorProps) {
  // Another target or another memo is another editor. A new memo coming back saved (null, then
  // an id) or with a new updatedAt is the same one: remounting would lose the caret mid-sentence.
  const target = targetKey(props.target);
  const memoId = props.memo?.id ?? null;
  const [ident, setIdent] = useState({ target, memoId, generation: 0 });
  if (target !== ident.target || (memoId !== null && ident.memoId !== null && memoId !== ident.memoId)) {
    setIdent({ target, memoId, generation: ident.generation + 1 });
  } else if (memoId !== ident.memoId) {
    setIdent({ ...ident, memoId });
  }
  return <MemoEditorInner key={ident.generation} {...props} />;
}
