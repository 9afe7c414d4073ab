import { useCallback, useRef, useState } from 'react';
import { appealsApi, type AppealSubmission, type SubmittedAppeal } from '../api/appeals.ts';
import { ApiError } from '../api/client.ts';
import { newIdempotencyKey } from './idempotency-key.ts';

export type SubmissionState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; error: ApiError }
  | { status: 'done'; appeal: SubmittedAppeal };

const toApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError('unknown', e instanceof Error ? e.message : String(e), 0);

/**
 * Uploads the chosen files, then sends the appeal with their ids. One Idempotency-Key per
 * submission, kept across retries: sending again after a lost answer returns the same appeal, and
 * a file already uploaded is not uploaded twice. After success the next submission gets a new key.
 */
export function useAppealSubmission(municipality: string) {
  const key = useRef(newIdempotencyKey());
  const uploaded = useRef(new Map<File, string>());
  const [state, setState] = useState<SubmissionState>({ status: 'idle' });

  const submit = useCallback(
    async (body: AppealSubmission, files: Readonly<Record<string, readonly File[]>>) => {
      setState({ status: 'sending' });
      try {
        const fields = { ...body.fields };
        for (const [fieldKey, list] of Object.entries(files)) {
          const ids: string[] = [];
          for (const file of list) {
            let id = uploaded.current.get(file);
            if (!id) {
              id = (await appealsApi.upload(municipality, file)).id;
              uploaded.current.set(file, id);
            }
            ids.push(id);
          }
          fields[fieldKey] = ids;
        }
        const { appeal } = await appealsApi.submit(municipality, { ...body, fields }, key.current);
        key.current = newIdempotencyKey();
        uploaded.current = new Map();
        setState({ status: 'done', appeal });
      } catch (e) {
        setState({ status: 'failed', error: toApiError(e) });
      }
    },
    [municipality],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, submit, reset };
}
