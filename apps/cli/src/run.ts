import { isAppError } from '@zemstvo/kernel';

/** Runs a command action: an AppError prints its message and exits 1; anything else exits 2. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (e) {
      if (isAppError(e)) {
        process.stderr.write(`zemstvo: ${e.message} [${e.code}]\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`zemstvo: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      }
    }
  };
}

export const print = (s: string): void => {
  process.stdout.write(`${s}\n`);
};
