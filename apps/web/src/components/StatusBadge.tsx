import { useTranslation } from 'react-i18next';

const GROUP: Readonly<Record<string, 'new' | 'working' | 'done' | 'attention'>> = {
  received: 'new',
  registered: 'new',
  investigating: 'working',
  in_progress: 'working',
  planned: 'working',
  reopened: 'attention',
  answered: 'done',
  fixed: 'done',
  unable_to_fix: 'done',
  not_responsible: 'done',
  redirected: 'done',
  duplicate: 'done',
  closed: 'done',
};

/** An appeal's public status in words (the colour only repeats what the words say). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${GROUP[status] ?? 'new'}`}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
