import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { serverFieldErrors } from './server-errors.ts';

const refused = (details: unknown) => new ApiError('validation_failed', 'Invalid', 400, details);

describe('field errors of a refused submission', () => {
  const keys = ['category', 'text', 'email', 'location'];

  it('finds the field in paths like fields.text, body.fields.email and category', () => {
    const errors = serverFieldErrors(
      refused([
        { path: 'fields.text', message: 'Required' },
        { path: 'body.fields.email', message: 'Invalid e-mail' },
        { path: 'category' },
        { path: 'somethingElse' },
      ]),
      keys,
    );
    expect([...errors]).toEqual([
      ['text', 'Required'],
      ['email', 'Invalid e-mail'],
      ['category', ''],
    ]);
  });

  it('reads zod-style issue arrays with array paths', () => {
    const errors = serverFieldErrors(
      refused({ issues: [{ path: ['location', 'lat'], message: 'Too big' }] }),
      keys,
    );
    expect(errors.get('location')).toBe('Too big');
  });

  it('names no field for other errors', () => {
    expect(serverFieldErrors(new ApiError('rate_limited', 'Slow down', 429), keys).size).toBe(0);
    expect(serverFieldErrors(new Error('boom'), keys).size).toBe(0);
  });
});
