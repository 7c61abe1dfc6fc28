// CaseDesk's Tasklist configuration (replaces the webjar's scripts/config.js on the classpath).
// Simplified Chinese (locales/zh.json) for everyone, English on request: the language, its date
// formats and the switch in the footer come from ../../casedesk-locale.js.
import {dateFormat, locales, localized} from '../../casedesk-locale.js';

export default {
  app: {
    name: localized('任务列表', 'Tasklist'),
    vendor: 'CaseDesk'
  },
  dateFormat,
  locales,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: localized('认领当前选中的任务', 'claims the currently selected task')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: localized('定位到第一个过滤器', 'set the focus to the first filter in the list')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: localized('定位到列表中的第一个任务', 'sets the focus to the first task in the list')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: localized('定位到任务表单的第一个输入框', 'sets the focus to the first input field in a task form')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: localized('打开发起流程对话框', 'opens the start process modal dialog')
    }
  }
};
