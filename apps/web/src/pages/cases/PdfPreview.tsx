import { useTranslation } from 'react-i18next';
import { docPath } from '../../api/documents.ts';

/**
 * The PDF of a version in the page (the server lets only this site frame it), with a plain link
 * for browsers that do not show PDF in place.
 */
export function PdfPreview({
  slug,
  documentId,
  version,
}: {
  slug: string;
  documentId: string;
  version: number;
}) {
  const { t } = useTranslation();
  const src = docPath(slug, documentId, `/preview?version=${version}`);
  return (
    <div className="pdf-preview">
      <iframe key={src} src={src} title={t('case.draft.previewTitle', { version })} />
      <p>
        <a href={src} target="_blank" rel="noopener">
          {t('case.draft.openPdf', { version })}
        </a>{' '}
        ·{' '}
        <a href={docPath(slug, documentId, `/docx?version=${version}`)}>
          {t('case.draft.downloadDocx', { version })}
        </a>
      </p>
    </div>
  );
}
