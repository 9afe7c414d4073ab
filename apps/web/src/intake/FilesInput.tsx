import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../i18n/sizes.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf,.docx,.odt,.txt';

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
  const sizeLabel = (bytes: number) => {
    const { value, unit } = formatSize(bytes, i18n.language);
    return t(`size.${unit}`, { value });
  };
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
                {f.name} <span className="muted">({sizeLabel(f.size)})</span>
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
