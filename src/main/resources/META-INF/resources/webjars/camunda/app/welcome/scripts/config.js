// CaseDesk's Welcome page configuration (replaces the webjar's scripts/config.js on the classpath).
// Simplified Chinese (locales/zh.json) for everyone, English on request: the language, its date
// formats and the switch in the footer come from ../../casedesk-locale.js.
import {dateFormat, locales, localized} from '../../casedesk-locale.js';

export default {
  app: {
    name: localized('欢迎', 'Welcome'),
    vendor: 'CaseDesk'
  },
  dateFormat,
  locales
};
