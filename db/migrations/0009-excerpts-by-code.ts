// The Extraits tab lists one code's excerpts: with every column an excerpt shows in the index on
// codings by code, those rows are read from the index alone, in source and position order, never
// from the table's pages spread over the file. Same name, so the queries that name it or rely on
// it (the matrix's counts) keep it.
export const sql = /* sql */ `
DROP INDEX codings_by_code;
CREATE INDEX codings_by_code ON codings(code_id, source_id, start, end, coder_id, created_at, valence, segment_kind, guid);
`;
