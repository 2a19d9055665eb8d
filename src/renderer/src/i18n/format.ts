/** The renderer's number formatting is the shared one (src/shared/i18n/numbers.ts): grading fills feedback with the same. */
export * from '../../../shared/i18n/numbers';
