// CaseDesk's Tasklist configuration (replaces the webjar's scripts/config.js on the classpath).
// Staff whose browser prefers Chinese get the Simplified Chinese interface of locales/zh.json;
// labels not translated there fall back to English.
export default {
  app: {
    name: '任务列表',
    vendor: 'CaseDesk'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 dddd HH:mm'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '定位到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '定位到列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '定位到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
