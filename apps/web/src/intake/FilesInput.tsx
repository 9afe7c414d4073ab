import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf,.docx,.odt,.txt';

const sizeText = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);

/**
 * Choose photos and files; each chosen file is listed with its size and a button that removes it.
 * The server checks the real type and size; this only helps to pick the right files.
 */
export function FilesInput({
  id,
  files,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const add = (list: FileList | null) => {
    if (list?.length) onChange([...files, ...Array.from(list)]);
    if (input.current) input.current.value = '';
  };
  return (
    <div className="files-input">
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => add(e.target.files)}
      />
      {files.length > 0 && (
        <ul className="file-list" aria-label={t('intake.chosenFiles')}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span>
                {f.name} <span className="muted">({t('intake.megabytes', { size: sizeText(f.size, i18n.language) })})</span>
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('intake.removeFileLabel', { name: f.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                {t('intake.removeFile')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
