/**
 * The 隐私保护指引's version, alone: the main package's privacy dialog and consent box import
 * this, not the guide's text (privacy-guide.ts), which stays in the privacy subpackage.
 * A sensitive-data form sends the version agreed to; a new one asks again.
 */
export const PRIVACY_VERSION = '2026-12-03';
