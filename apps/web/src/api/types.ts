/** Shapes of the API responses the web app reads (see /api/docs for the full contract). */
import type { Locale } from '../i18n/locale.ts';

export type UserKind = 'resident' | 'staff' | 'regional' | 'operator';
export interface Localized {
  ru: string;
  en: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  regionId: string | null;
  locale: Locale;
}

export interface Membership {
  slug: string;
  name: Localized;
  roleKeys: string[];
}

export interface Me {
  user: User;
  csrfToken: string | null;
  memberships: Membership[];
}

export interface LoginResult {
  user: User;
  csrfToken: string;
}

export interface Municipality {
  slug: string;
  regionSlug: string;
  name: Localized;
  ftsConfig: string;
  /** IANA time zone the municipality counts its days in (registration dates, deadlines). */
  timeZone: string;
}

export interface MunicipalityWithAbilities extends Municipality {
  abilities: string[];
}

export interface Region {
  slug: string;
  name: Localized;
}

export interface DemoLogin {
  email: string;
  kind: UserKind;
  municipality: string | null;
  role: string | null;
  name: string;
}

export interface DemoInfo {
  enabled: boolean;
  password: string | null;
  logins: DemoLogin[];
}

export interface Department {
  id: string;
  parentId: string | null;
  code: string | null;
  nameRu: string;
  nameEn: string;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  positionId: string | null;
  roleKeys: string[];
}

export interface Role {
  id: string;
  key: string;
  nameRu: string;
  nameEn: string;
  permissions: string[];
}

export interface AuditRecord {
  seq: number | string;
  chainSeq: number | string;
  occurredAt: string;
  actor: string;
  /** The acting user's display name (null for system actors and users no longer on file). */
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}

export interface Items<T> {
  items: T[];
}

/** An external identity provider offered on the login page (GET /api/auth/providers). */
export interface IdentityProviderInfo {
  name: string;
  label: Localized;
  /** Where its sign-in starts: /api/auth/oidc/<name>/start (add `?returnTo=/path`). */
  startUrl: string;
}

/** A letter in the mail outbox (GET /api/dev/outbox, development mode, operators only). */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  bodyText: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}
