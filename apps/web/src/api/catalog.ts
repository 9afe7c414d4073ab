/** Shapes of the service catalogue (GET /api/m/:m/services, …/services/:slug). */
import type { Localized } from './types.ts';

export type IntakeFieldType =
  'text' | 'textarea' | 'email' | 'phone' | 'select' | 'checkbox' | 'location' | 'address' | 'files' | 'date';

/** A field of a package's intake form (the manifest's `intakeForm.fields`). */
export interface IntakeField {
  key: string;
  type: IntakeFieldType;
  label: Localized;
  hint?: Localized;
  required: boolean;
  maxLength?: number;
  options?: { value: string; label: Localized }[];
  /** Personal data: hidden wherever the report is published. */
  personal: boolean;
}

export interface ServiceTheme {
  code: string;
  title: Localized;
}

export interface ServiceCategory {
  code: string;
  title: Localized;
  description?: Localized;
  themes: ServiceTheme[];
}

/** An installed service as listed for a municipality. */
export interface ServiceInstance {
  id: string;
  slug: string;
  packageSlug: string;
  packageVersion: string;
  name: Localized;
  enabled: boolean;
}

/** An installed service with what a resident needs to write to it. */
export interface ServiceDetail {
  id: string;
  slug: string;
  name: Localized;
  packageSlug: string;
  startEvents: string[];
  categories: ServiceCategory[];
  intakeForm: { fields: IntakeField[] };
  publicVisibility: { publicByDefault: boolean; duplicateRadiusMeters: number };
  law59: boolean;
  /** Templates answers and notices are drafted from. */
  templates?: ServiceTemplate[];
}

export interface ServiceTemplate {
  code: string;
  title: Localized;
  purpose: string;
}
