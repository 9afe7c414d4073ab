import type { i18n as I18n } from 'i18next';
import { auditActorKind } from '../../api/audit.ts';
import type { AuditRecord } from '../../api/types.ts';

const text = (i18n: I18n, key: string): string | null => {
  const value: unknown = i18n.getResource(i18n.language, 'translation', key);
  return typeof value === 'string' ? value : null;
};

/** An action code (`appeal.registered`) in words; the raw code when it has no label yet. */
export const actionLabel = (i18n: I18n, code: string): string => text(i18n, `auditActions.${code}`) ?? code;

/** An audited object's kind (`appeal`) in words; the raw name when it has no label yet. */
export const entityLabel = (i18n: I18n, entity: string): string =>
  text(i18n, `auditEntities.${entity}`) ?? entity;

/** The actor as people say it: the user's name, «Система», «Командная строка». */
export function actorLabel(i18n: I18n, r: Pick<AuditRecord, 'actor' | 'actorName'>): string {
  const kind = auditActorKind(r.actor);
  if (kind === 'user') return r.actorName ?? r.actor;
  return text(i18n, `audit.${kind}`) ?? r.actor;
}

/** Every labelled action code with its words, sorted by the words (the action filter's options). */
export function actionOptions(i18n: I18n): [code: string, label: string][] {
  const tree: unknown = i18n.getResource(i18n.language, 'translation', 'auditActions');
  const out: [string, string][] = [];
  if (tree && typeof tree === 'object')
    for (const [group, actions] of Object.entries(tree))
      if (actions && typeof actions === 'object')
        for (const [name, label] of Object.entries(actions))
          if (typeof label === 'string') out.push([`${group}.${name}`, label]);
  return out.sort((a, b) => a[1].localeCompare(b[1], i18n.language));
}
