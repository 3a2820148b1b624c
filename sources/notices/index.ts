export { parseNotice } from './parse-notice.js';
export type { ParsedNotice } from './parse-notice.js';
export { isLikelyNotice, noticeScore } from './is-likely-notice.js';
export { maskNoticeName, maskName, maskNameInText } from './mask.js';
export { detectAlertType } from './alert-types.js';
