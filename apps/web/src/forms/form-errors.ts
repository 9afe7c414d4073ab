import { ApiError } from '../api/client.ts';

/** What a form shows after a failed submit: a message at each field, and one for the whole form. */
export interface FormErrors<F extends string> {
  /** Translation keys of the messages shown at the fields, in the order of the form's fields. */
  fields: Partial<Record<F, string>>;
  /** An error that belongs to no field (rate_limited, network_error, …), shown above the form. */
  form: ApiError | null;
}

export const noFormErrors = <F extends string>(): FormErrors<F> => ({ fields: {}, form: null });

interface ValidationDetail {
  path: string;
}

const validationDetails = (details: unknown): ValidationDetail[] =>
  Array.isArray(details)
    ? details.filter(
        (d): d is ValidationDetail =>
          typeof d === 'object' && d !== null && 'path' in d && typeof d.path === 'string',
      )
    : [];

/**
 * Places an API error at the form's fields. `validation_failed` details name the invalid fields by
 * their path (`email`, `password`): each gets `fields.<name>.invalid`. Codes listed in `codeFields`
 * (`weak_password` → password, `email_taken` → email) get `errors.<code>` at their field. Anything
 * else, or a validation error about no known field, is an error of the whole form.
 */
export function formErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeFields: Readonly<Record<string, F>> = {},
): FormErrors<F> {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError('unknown', error instanceof Error ? error.message : String(error), 0);
  const out: FormErrors<F> = { fields: {}, form: null };
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);

  if (apiError.code === 'validation_failed') {
    for (const d of validationDetails(apiError.details)) {
      const name = d.path.split('.')[0] ?? '';
      if (isField(name)) out.fields[name] = `fields.${name}.invalid`;
    }
  } else {
    const field = Object.hasOwn(codeFields, apiError.code) ? codeFields[apiError.code] : undefined;
    if (field !== undefined) out.fields[field] = `errors.${apiError.code}`;
  }
  if (Object.keys(out.fields).length === 0) out.form = apiError;
  return out;
}

/** The fields with a message, in the form's order (for the error summary). */
export const fieldsWithErrors = <F extends string>(errors: FormErrors<F>, fields: readonly F[]): F[] =>
  fields.filter((f) => errors.fields[f] !== undefined);
