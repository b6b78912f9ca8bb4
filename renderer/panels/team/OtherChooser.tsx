// The other side of a comparison or a merge: a file received from a teammate (sent to the project
// as bytes) or a file on this computer given by its path (a .tresse project is read from a copy).
import { useId, useState } from 'react';
import type { TeamOther } from '../../../service/contract/index.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { readFileBytes } from './download.ts';
import { extensionOf, FileDrop } from './FileDrop.tsx';

export function OtherChooser({
  legend,
  fileExts,
  pathExts,
  testId,
  onChange,
}: {
  legend: string;
  fileExts: readonly string[];
  pathExts: readonly string[];
  testId: string;
  onChange: (other: TeamOther | null) => void;
}) {
  const t = useT();
  const name = useId();
  const [mode, setMode] = useState<'file' | 'path'>('file');
  const [file, setFile] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);
  const [path, setPath] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  const pick = (m: 'file' | 'path') => {
    setMode(m);
    onChange(m === 'file' ? file : path.trim() ? { path: path.trim() } : null);
  };
  const chooseFile = async (f: File) => {
    if (!fileExts.includes(extensionOf(f.name))) {
      setRefused(t('team.exchange.wrongKind', { file: f.name }));
      return;
    }
    setRefused(null);
    const chosen = { fileName: f.name, bytes: await readFileBytes(f) };
    setFile(chosen);
    onChange(chosen);
  };

  return (
    <fieldset className="team-other">
      <legend>{legend}</legend>
      <label className="check">
        <input type="radio" name={name} checked={mode === 'file'} onChange={() => pick('file')} />
        {t('team.other.file', { exts: fileExts.join(', ') })}
      </label>
      {mode === 'file' && (
        <FileDrop
          accept={fileExts.join(',')}
          hint={file ? t('team.other.chosen', { file: file.fileName }) : t('team.other.none')}
          onFile={(f) => void chooseFile(f)}
          testId={testId}
        >
          {refused && (
            <p role="alert" className="team-refused">
              {refused}
            </p>
          )}
        </FileDrop>
      )}
      <label className="check">
        <input type="radio" name={name} checked={mode === 'path'} onChange={() => pick('path')} />
        {t('team.other.path', { exts: pathExts.join(', ') })}
      </label>
      {mode === 'path' && (
        <label className="field">
          <span>{t('team.other.pathLabel')}</span>
          <input
            className="path"
            value={path}
            placeholder={t('team.other.pathHint')}
            onChange={(e) => {
              setPath(e.target.value);
              onChange(e.target.value.trim() ? { path: e.target.value.trim() } : null);
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
