/** The sections of a municipality's workspace and the permission each needs. */
export interface WorkspaceSection {
  path:
    'inbox' | 'search' | 'departments' | 'members' | 'roles' | 'audit' | 'routing' | 'forecast' | 'analytics';
  labelKey: string;
  permission: string;
}

export const WORKSPACE_SECTIONS: readonly WorkspaceSection[] = [
  { path: 'inbox', labelKey: 'workspace.inbox', permission: 'document.view' },
  { path: 'search', labelKey: 'search.nav', permission: 'document.view' },
  { path: 'analytics', labelKey: 'analytics.nav', permission: 'analytics.view' },
  { path: 'departments', labelKey: 'workspace.departments', permission: 'department.view' },
  { path: 'members', labelKey: 'workspace.members', permission: 'member.view' },
  { path: 'roles', labelKey: 'workspace.roles', permission: 'role.view' },
  { path: 'audit', labelKey: 'workspace.audit', permission: 'audit.view' },
  { path: 'routing', labelKey: 'routing.nav', permission: 'routing.train' },
  { path: 'forecast', labelKey: 'forecast.title', permission: 'forecast.view' },
];

export const allowedSections = (abilities: readonly string[]): WorkspaceSection[] =>
  WORKSPACE_SECTIONS.filter((s) => abilities.includes(s.permission));
