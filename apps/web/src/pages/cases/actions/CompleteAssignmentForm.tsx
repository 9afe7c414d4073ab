import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';

/** The executor reports their assignment done, saying what was done. */
export function CompleteAssignmentForm({
  slug,
  assignmentId,
  onDone,
}: {
  slug: string;
  assignmentId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [report, setReport] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () =>
        api.post(
          `/api/m/${encodeURIComponent(slug)}/assignments/${encodeURIComponent(assignmentId)}/complete`,
          {
            report: report.trim(),
          },
        ),
      t('case.done.completed'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-report`}>{t('case.complete.report')}</label>
        <textarea
          id={`${id}-report`}
          rows={3}
          required
          value={report}
          onChange={(e) => setReport(e.target.value)}
        />
      </div>
      <SubmitRow label={t('case.complete.submit')} busy={busy} error={error} />
    </form>
  );
}
