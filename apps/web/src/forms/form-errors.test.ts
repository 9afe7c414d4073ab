import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { fieldsWithErrors, formErrorsOf } from './form-errors.ts';

const FIELDS = ['displayName', 'email', 'password'] as const;
const CODES = { weak_password: 'password', email_taken: 'email', bad_email: 'email' } as const;

const validation = (...paths: string[]) =>
  new ApiError(
    'validation_failed',
    'Invalid body',
    400,
    paths.map((path) => ({ path, where: 'body', message: 'Too small' })),
  );

describe('formErrorsOf', () => {
  it('puts validation details at the fields they name', () => {
    const e = formErrorsOf(validation('email', 'displayName'), FIELDS, CODES);
    expect(e.fields).toEqual({ email: 'fields.email.invalid', displayName: 'fields.displayName.invalid' });
    expect(e.form).toBeNull();
    expect(fieldsWithErrors(e, FIELDS)).toEqual(['displayName', 'email']);
  });

  it('uses the first segment of a nested path', () => {
    expect(formErrorsOf(validation('password.0'), FIELDS).fields).toEqual({
      password: 'fields.password.invalid',
    });
  });

  it('treats a validation error about no known field as an error of the whole form', () => {
    const err = validation('', 'locale');
    const e = formErrorsOf(err, FIELDS, CODES);
    expect(e.fields).toEqual({});
    expect(e.form).toBe(err);
  });

  it('tolerates validation details of an unexpected shape', () => {
    const err = new ApiError('validation_failed', 'Invalid body', 400, 'not a list');
    expect(formErrorsOf(err, FIELDS).form).toBe(err);
    const odd = new ApiError('validation_failed', 'x', 400, [null, 3, { path: 7 }, { where: 'body' }]);
    expect(formErrorsOf(odd, FIELDS).form).toBe(odd);
  });

  it('places field codes at their field with the error text', () => {
    expect(formErrorsOf(new ApiError('weak_password', 'Short', 400), FIELDS, CODES)).toEqual({
      fields: { password: 'errors.weak_password' },
      form: null,
    });
    expect(formErrorsOf(new ApiError('email_taken', 'Taken', 409), FIELDS, CODES).fields).toEqual({
      email: 'errors.email_taken',
    });
  });

  it('keeps other codes for the whole form, also names of Object.prototype', () => {
    for (const code of ['rate_limited', 'network_error', 'toString', 'constructor']) {
      const err = new ApiError(code, 'x', 429);
      expect(formErrorsOf(err, FIELDS, CODES)).toEqual({ fields: {}, form: err });
    }
  });

  it('wraps anything that is not an ApiError', () => {
    const e = formErrorsOf(new TypeError('boom'), FIELDS, CODES);
    expect(e.form).toMatchObject({ code: 'unknown', message: 'boom' });
    expect(formErrorsOf('odd', FIELDS).form).toMatchObject({ code: 'unknown', message: 'odd' });
  });
});
