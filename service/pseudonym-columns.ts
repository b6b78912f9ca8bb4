// Where a real name can sit in a project file, column by column. Every column of the schema that
// can hold text is in exactly one of the two lists below: rewritten by pseudonymisation
// (service/pseudonymise.ts), or declared free of names with the reason. A test reads the schema of
// a freshly migrated project and fails on any column in neither list, so a migration that adds a
// text column must decide here where it stands
// (tests/service/confidentiality/every-column.test.ts).

export interface Column {
  table: string;
  column: string;
}

/**
 * How a column is rewritten:
 * - field: plain text, each match shown in the preview and replaced in place;
 * - source-text: a source's text, its codings, structure, hash and search entry following;
 * - structure: the speaker labels and section headings inside a source's structure (JSON);
 * - rich-text: a memo's Lexical JSON, rewritten with the memo's text it mirrors.
 */
export type RewriteKind = 'field' | 'source-text' | 'structure' | 'rich-text';

export const REWRITTEN_COLUMNS: ReadonlyArray<Column & { how: RewriteKind }> = [
  { table: 'sources', column: 'text', how: 'source-text' },
  { table: 'sources', column: 'structure', how: 'structure' },
  { table: 'memos', column: 'rich_text', how: 'rich-text' },
  // The plain fields, in the order the preview lists them.
  { table: 'project', column: 'name', how: 'field' },
  { table: 'sources', column: 'name', how: 'field' },
  { table: 'sources', column: 'origin_file', how: 'field' },
  { table: 'cases', column: 'name', how: 'field' },
  { table: 'cases', column: 'description', how: 'field' },
  { table: 'attributes', column: 'name', how: 'field' },
  { table: 'attribute_values', column: 'value', how: 'field' },
  { table: 'codes', column: 'name', how: 'field' },
  { table: 'codes', column: 'abbrev', how: 'field' },
  { table: 'codes', column: 'definition', how: 'field' },
  { table: 'codes', column: 'inclusion', how: 'field' },
  { table: 'codes', column: 'exclusion', how: 'field' },
  { table: 'codes', column: 'example', how: 'field' },
  { table: 'memos', column: 'title', how: 'field' },
  { table: 'memos', column: 'text', how: 'field' },
  { table: 'research_questions', column: 'name', how: 'field' },
  { table: 'research_questions', column: 'description', how: 'field' },
  { table: 'kind_columns', column: 'label', how: 'field' },
  // A set is often named for a site or a person ("Entretiens de Mme D.").
  { table: 'sets', column: 'name', how: 'field' },
  { table: 'sets', column: 'description', how: 'field' },
  // A synthesis is keyed by its column ("kind:Entretiens", "case:référent=…"), which carries a
  // column label or an attribute value: rewritten the same way as those, the key still matches.
  { table: 'matrix_syntheses', column: 'column_key', how: 'field' },
  { table: 'matrix_syntheses', column: 'text', how: 'field' },
  // "case:ATTRIBUTE": follows the attribute's name.
  { table: 'row_verdicts', column: 'dimension', how: 'field' },
  { table: 'row_verdicts', column: 'note', how: 'field' },
  // A GUID, or a note's link read from a .qdpx as JSON, whose name another tool's user typed.
  { table: 'exchange_kept', column: 'value', how: 'field' },
  // A recording's file is often named for the person heard ("Entretien Mme D.mp3").
  { table: 'source_media', column: 'path', how: 'field' },
];

const ID = 'a generated identifier (GUID)';
const TIME = 'a time stamp written by Tresse';
const SEARCH =
  'the search index of sources.text, its rows rewritten with the text (a trigger) and rebuilt before the next search; old rows are freed pages, wiped by scrubOldText';

const FORMS =
  'the search vocabulary, the words of sources.text under their stems; it keeps the words of texts since rewritten (a search finds them nowhere) until scrubOldText rebuilds it from the current texts';

export const NAME_FREE_COLUMNS: ReadonlyArray<Column & { reason: string }> = [
  { table: 'project', column: 'guid', reason: ID },
  { table: 'project', column: 'grid', reason: 'the identifier of the built-in grid the project started from (six-themes, empty)' },
  { table: 'project', column: 'created_at', reason: TIME },
  { table: 'settings', column: 'key', reason: 'setting names chosen by Tresse' },
  {
    table: 'settings',
    column: 'value',
    reason: 'the default coder (a researcher, as coders.name), numbers such as the backup interval, and the citation format (placeholders and punctuation)',
  },
  { table: 'coders', column: 'guid', reason: ID },
  {
    table: 'coders',
    column: 'name',
    reason: 'the researchers who code, not participants; the identity --coder names, which rewriting would split in two',
  },
  { table: 'coders', column: 'created_at', reason: TIME },
  { table: 'sources', column: 'guid', reason: ID },
  { table: 'sources', column: 'kind', reason: 'one of five source kinds (CHECK constraint)' },
  { table: 'sources', column: 'text_hash', reason: 'a hash of the text, recomputed from the rewritten text' },
  { table: 'sources', column: 'origin_format', reason: 'the importer used (txt, docx, pdf…)' },
  { table: 'sources', column: 'origin_encoding', reason: 'a character encoding name' },
  { table: 'sources', column: 'imported_at', reason: TIME },
  { table: 'cases', column: 'guid', reason: ID },
  { table: 'attributes', column: 'guid', reason: ID },
  { table: 'attributes', column: 'scope', reason: 'case or source (CHECK constraint)' },
  { table: 'attributes', column: 'type', reason: 'text, number, date or boolean (CHECK constraint)' },
  { table: 'codes', column: 'guid', reason: ID },
  { table: 'codes', column: 'color', reason: 'a colour, #rrggbb (CHECK constraint)' },
  { table: 'codes', column: 'created_at', reason: TIME },
  { table: 'codings', column: 'guid', reason: ID },
  { table: 'codings', column: 'selection_guid', reason: 'the GUID of the REFI-QDA selection the coding was read from' },
  { table: 'exchange_kept', column: 'guid', reason: ID },
  { table: 'exchange_kept', column: 'fact', reason: 'a kind of fact (CHECK constraint)' },
  { table: 'codings', column: 'created_at', reason: TIME },
  { table: 'source_done', column: 'marked_at', reason: TIME },
  { table: 'dismissed_suggestions', column: 'dismissed_at', reason: TIME },
  { table: 'codings', column: 'valence', reason: '+ or - (CHECK constraint)' },
  { table: 'codings', column: 'segment_kind', reason: 'one of four segment kinds (CHECK constraint)' },
  { table: 'memos', column: 'guid', reason: ID },
  { table: 'memos', column: 'created_at', reason: TIME },
  { table: 'memos', column: 'updated_at', reason: TIME },
  { table: 'research_questions', column: 'guid', reason: ID },
  { table: 'research_questions', column: 'created_at', reason: TIME },
  { table: 'kind_columns', column: 'kind', reason: 'one of five source kinds (CHECK constraint)' },
  { table: 'sets', column: 'guid', reason: ID },
  { table: 'sets', column: 'kind', reason: 'sources or codes (CHECK constraint)' },
  { table: 'matrix_syntheses', column: 'matrix', reason: 'triangulation or participant (CHECK constraint)' },
  { table: 'matrix_syntheses', column: 'updated_at', reason: TIME },
  { table: 'row_verdicts', column: 'matrix', reason: 'triangulation or participant (CHECK constraint)' },
  { table: 'row_verdicts', column: 'verdict', reason: 'convergence, complementarity or dissonance (CHECK constraint)' },
  { table: 'row_verdicts', column: 'updated_at', reason: TIME },
  {
    table: 'pseudonyms',
    column: 'real_name',
    reason: 'the table of real names itself: never exported, erased by "forget the real names"',
  },
  { table: 'pseudonyms', column: 'real_key', reason: 'the real name folded, erased with it' },
  { table: 'pseudonyms', column: 'pseudonym', reason: 'the pseudonyms, what replaces the names' },
  { table: 'pseudonyms', column: 'created_at', reason: TIME },
  { table: 'pseudonyms', column: 'applied_at', reason: TIME },
  { table: 'pseudonymisation_runs', column: 'applied_at', reason: TIME },
  { table: 'search_words', column: 'head', reason: SEARCH },
  { table: 'search_words', column: 'words', reason: SEARCH },
  { table: 'search_words', column: 'postings', reason: SEARCH },
  { table: 'search_sources', column: 'places', reason: SEARCH },
  { table: 'search_forms', column: 'language', reason: 'a language code (fr, en)' },
  { table: 'search_forms', column: 'stem', reason: FORMS },
  { table: 'search_forms', column: 'word', reason: FORMS },
  { table: 'source_media', column: 'media_kind', reason: 'audio or video' },
  { table: 'source_media', column: 'sha256', reason: "a hash of the recording's bytes" },
  { table: 'source_media', column: 'mime', reason: 'a media type read from the file (audio/mpeg…)' },
  { table: 'source_media', column: 'container', reason: 'a container format name read from the file' },
  { table: 'source_media', column: 'codec', reason: 'a codec name read from the file' },
  { table: 'source_media', column: 'linked_at', reason: TIME },
  { table: 'media_codings', column: 'guid', reason: ID },
  { table: 'media_codings', column: 'created_at', reason: TIME },
];

/** The plain fields the preview searches, in its order. */
export const FIELD_COLUMNS: readonly Column[] = REWRITTEN_COLUMNS.filter((c) => c.how === 'field');
