// CaseDesk's Cockpit configuration (replaces the webjar's scripts/config.js on the classpath).
// Simplified Chinese (locales/zh.json) for everyone, English on request: the language, its date
// formats and the switch in the footer come from ../../casedesk-locale.js.
// No plugins here: CaseDesk's Cockpit plugin is registered through Java's ServiceLoader.
import {dateFormat, locales, localized} from '../../casedesk-locale.js';

export default {
  app: {
    name: localized('运维驾驶舱', 'Cockpit'),
    vendor: 'CaseDesk'
  },
  dateFormat,
  locales
};
