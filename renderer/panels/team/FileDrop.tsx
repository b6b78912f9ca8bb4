// A place to drop a file, with a button that opens the file chooser: the keyboard way in.
import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/lang-context.tsx';

export function FileDrop({
  accept,
  hint,
  onFile,
  testId,
  children,
}: {
  accept: string;
  hint: string;
  onFile: (file: File) => void;
  testId: string;
  children?: ReactNode;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`team-drop${over ? ' dropping' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <span>{hint}</span>{' '}
      <button type="button" onClick={() => input.current?.click()}>
        {t('team.exchange.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      {children}
    </div>
  );
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}
