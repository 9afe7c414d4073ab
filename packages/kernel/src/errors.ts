/**
 * Errors with stable codes. Every failure a caller can cause is an AppError: the HTTP layer maps it
 * to `{ error: { code, message, details } }` with its status, the CLI prints it and exits non-zero.
 * Anything else is a bug and becomes a 500 without internals.
 */
export type ErrorDetails = Record<string, unknown> | readonly unknown[] | undefined;

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetails) =>
  new AppError(code, message, 400, details);
export const unauthorized = (message = 'Authentication required', code = 'unauthenticated') =>
  new AppError(code, message, 401);
export const forbidden = (message = 'You do not have permission for this action', code = 'forbidden') =>
  new AppError(code, message, 403);
export const notFound = (what: string, code = 'not_found') => new AppError(code, `${what} not found`, 404);
export const conflict = (code: string, message: string, details?: ErrorDetails) =>
  new AppError(code, message, 409, details);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError('rate_limited', message, 429, { retryAfterSeconds });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
