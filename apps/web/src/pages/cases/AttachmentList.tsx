import { useTranslation } from 'react-i18next';
import { attachmentFilePath, type Attachment } from '../../api/attachments.ts';
import type { Items } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatSize } from '../../i18n/sizes.ts';

/** The files and links of a case: photos shown small, every file downloadable by its name. */
export function AttachmentList({ slug, documentId }: { slug: string; documentId: string }) {
  const { t, i18n } = useTranslation();
  const path = `/api/m/${encodeURIComponent(slug)}/documents/${encodeURIComponent(documentId)}/attachments`;
  const { state, reload } = useApiData<Items<Attachment>>(path);
  const sizeLabel = (bytes: number) => {
    const { value, unit } = formatSize(bytes, i18n.language);
    return t(`size.${unit}`, { value });
  };
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('case.attachments')}</h2>
      <Loaded state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('case.noAttachments')}</p>
          ) : (
            <ul className="attachment-list">
              {items.map((a) => (
                <li key={a.id}>
                  {a.kind === 'photo' && (
                    <img
                      src={attachmentFilePath(slug, documentId, a.id, true)}
                      alt={a.fileName}
                      loading="lazy"
                    />
                  )}
                  {a.kind === 'link' && a.url ? (
                    <a href={a.url} rel="noopener noreferrer" target="_blank">
                      {a.fileName || a.url}
                    </a>
                  ) : (
                    <a href={attachmentFilePath(slug, documentId, a.id)} download={a.fileName}>
                      {a.fileName}
                    </a>
                  )}
                  {a.kind !== 'link' && (
                    <span className="muted">
                      {' '}
                      ({t(`attachmentKind.${a.kind}`)}, {sizeLabel(a.sizeBytes)})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
