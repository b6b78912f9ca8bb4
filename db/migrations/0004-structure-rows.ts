// A source's structure as rows instead of objects (service/structure.ts): about a third of the
// bytes, written with every imported source. Segment order is kept (json_each's key is the index).
export const sql = /* sql */ `
UPDATE sources SET structure = (
  SELECT json_group_array(
    CASE json_extract(value, '$.kind')
      WHEN 'section' THEN json_array(
        json_extract(value, '$.start'), json_extract(value, '$.end'),
        json_extract(value, '$.level'), json_extract(value, '$.heading'))
      ELSE CASE WHEN json_extract(value, '$.timestampMs') IS NULL
        THEN json_array(json_extract(value, '$.start'), json_extract(value, '$.end'), json_extract(value, '$.speaker'))
        ELSE json_array(
          json_extract(value, '$.start'), json_extract(value, '$.end'),
          json_extract(value, '$.speaker'), json_extract(value, '$.timestampMs'))
        END
    END
    ORDER BY key)
  FROM json_each(sources.structure)
)
WHERE structure <> '[]';
`;
