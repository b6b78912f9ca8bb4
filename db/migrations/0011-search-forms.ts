// Search by word forms: "partenaire" finds "partenaires", "stigmatisé" finds "stigmatisée". Beside
// the folded words of the index (0010), the project's vocabulary: each folded word under the
// Snowball stem of each way it is written (the stem is taken from the word as written, accents
// and all: "stigmatisée" and "stigmatisee" do not stem alike), for every language a project can be
// set to, so that changing the project's language changes the stems a query reads, not the index.
// A query word then reads the folded words of its stem, through the rows it read already.
//
// Existing projects: their texts are indexed again (in the background, or by the next search),
// which fills the vocabulary; until then the queue holds every source.
export const sql = /* sql */ `
CREATE TABLE search_forms (
  language TEXT NOT NULL,
  -- Snowball stem of the word as written, folded as the index folds words.
  stem TEXT NOT NULL,
  -- The folded word, as search_words.words holds it.
  word TEXT NOT NULL,
  PRIMARY KEY (language, stem, word)
) STRICT, WITHOUT ROWID;
-- A query word typed without its accents ("securite") reaches the stems of the ways it is written ("sécurité").
CREATE INDEX search_forms_by_word ON search_forms(language, word);

DELETE FROM search_words;
DELETE FROM search_sources;
INSERT OR IGNORE INTO search_pending (source_id) SELECT id FROM sources;
`;
