import { useTranslation } from 'react-i18next';
import { docPath } from '../../api/documents.ts';
import type { WorkflowView } from '../../api/workflow.ts';
import { TableRegion } from '../../components/TableRegion.tsx';
import { formatDateTime } from '../../i18n/dates.ts';

/** The record of a draft: its versions, the approval route by round, signatures and dispatches. */
export function DraftRecord({
  slug,
  draftId,
  workflow: w,
}: {
  slug: string;
  draftId: string;
  workflow: WorkflowView;
}) {
  const { t, i18n } = useTranslation();
  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');
  return (
    <div className="draft-record">
      {w.versions.length > 0 && (
        <TableRegion label={t('case.draft.versions')}>
          <table className="table">
            <caption>{t('case.draft.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.draft.version')}</th>
                <th scope="col">{t('case.draft.author')}</th>
                <th scope="col">{t('case.draft.when')}</th>
                <th scope="col">{t('case.draft.versionComment')}</th>
                <th scope="col">{t('case.draft.files')}</th>
              </tr>
            </thead>
            <tbody>
              {w.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>{v.createdByName ?? '—'}</td>
                  <td>{when(v.createdAt)}</td>
                  <td>{v.comment ?? '—'}</td>
                  <td>
                    <a href={docPath(slug, draftId, `/pdf?version=${v.version}`)}>PDF</a> ·{' '}
                    <a href={docPath(slug, draftId, `/docx?version=${v.version}`)}>DOCX</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {w.approval.length > 0 && (
        <TableRegion label={t('case.approval.route')}>
          <table className="table approval-table">
            <caption>{t('case.approval.route')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.approval.round')}</th>
                <th scope="col">{t('case.approval.stageCol')}</th>
                <th scope="col">{t('case.approval.approver')}</th>
                <th scope="col">{t('case.approval.decision')}</th>
                <th scope="col">{t('case.approval.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {w.approval.map((s) => (
                <tr key={s.id}>
                  <td>{s.round}</td>
                  <td>{s.stage}</td>
                  <th scope="row">{s.approverName ?? '—'}</th>
                  <td>
                    {t(`approvalDecision.${s.decision}`, { defaultValue: s.decision })}
                    {s.decidedAt && <div className="muted">{when(s.decidedAt)}</div>}
                  </td>
                  <td>{s.comment ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {w.signatures.map((s) => (
        <p key={s.id} className="notice signature">
          {t('case.sign.signed', {
            signer: [s.signerName, s.signerPosition].filter(Boolean).join(', '),
            date: when(s.signedAt),
            version: s.version,
          })}{' '}
          <code className="sha">SHA-256 {s.sha256}</code>
        </p>
      ))}
      {w.dispatches.length > 0 && (
        <ul className="inline-list dispatches">
          {w.dispatches.map((d) => (
            <li key={d.id}>
              {t(`case.dispatch.channel.${d.channel}`, { defaultValue: d.channel })}
              {d.address ? ` (${d.address})` : ''}:{' '}
              {t(`dispatchStatus.${d.status}`, { defaultValue: d.status })}, {when(d.at)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
