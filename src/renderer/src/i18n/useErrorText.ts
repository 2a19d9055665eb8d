/**
 * Errors in the student's language. Main, the workers and the shared loaders say what went wrong
 * as a key of ERROR_TEXTS with parameters (src/shared/i18n/errorTexts.ts); this shows it in the
 * app's language, with a document's schema problems below it. An error without a key (an
 * unexpected one) reads as its English message.
 */
import { useCallback } from 'react';
import { errorText, errorTextIn, type ErrorMessage } from '../../../shared/i18n/errorTexts';
import { isMessage } from '../../../shared/i18n/messages';
import type { Issue } from '../../../shared/i18n/issues';
import { useLocale } from './LocaleContext';

/** Anything a failed call or a throw gives: an AppError, a DocumentError or ServiceError, a bare message. */
export type Failure = { message: string; key?: string; params?: object; issues?: readonly Issue[] } | { text: ErrorMessage; issues?: readonly Issue[] } | ErrorMessage | Error | unknown;

export function failureText(failure: Failure, locale: string): string {
  if (failure instanceof Error && isMessage((failure as { text?: unknown }).text)) {
    const { text, issues } = failure as unknown as { text: ErrorMessage; issues?: readonly Issue[] };
    return errorTextIn(text, issues, locale);
  }
  if (failure instanceof Error) return failure.message;
  if (typeof failure === 'object' && failure !== null && 'message' in failure && typeof failure.message === 'string') return errorText(failure as Parameters<typeof errorText>[0], locale);
  if (isMessage(failure)) return errorTextIn(failure as ErrorMessage, undefined, locale);
  return String(failure);
}

/** `(failure) => text` in the app's language. */
export function useErrorText(): (failure: Failure) => string {
  const { locale } = useLocale();
  return useCallback((failure: Failure) => failureText(failure, locale), [locale]);
}
