/**
 * The form kit: every form in the app is built from these.
 * - Field: label (必填), hint, the control (an Input or Textarea from props, or a child), its error.
 * - FieldError: the red line for a field or for the whole form (useSubmit's `problem`).
 * - Chips: one or several choices.
 * - Notice: an info / warn / error / success banner.
 * - SubmitButton: the big button, faded and relabelled while busy.
 * - useSubmit: busy and problem state around one async write.
 * Their styles (form.css) are global: app.ts loads them once, for every page.
 */

export { default as Field, FieldError, type FieldProps } from './Field';
export { default as Chips, type ChipOption, type ChipsProps } from './Chips';
export { default as Notice, type NoticeTone } from './Notice';
export { default as SubmitButton } from './SubmitButton';
export { useSubmit, type RunOptions, type Submit } from './useSubmit';
export { default as Consent, consentVersion } from './Consent';
