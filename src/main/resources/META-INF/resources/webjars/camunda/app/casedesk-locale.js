// CaseDesk's language choice for the Camunda webapps (Tasklist, Cockpit, Admin, Welcome), served at
// /camunda/app/casedesk-locale.js and imported by each app's scripts/config.js.
//
// Simplified Chinese for everyone unless the user picked English with the switch this module adds
// to the page footer; the choice is kept in localStorage under 'casedesk.locale' ('zh' or 'en').
// Only the chosen locale is offered to Camunda, so the browser's language cannot override it.

const STORAGE_KEY = 'casedesk.locale';
const LOCALES = ['zh', 'en'];
const DEFAULT_LOCALE = 'zh';

function storedLocale() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(value) ? value : DEFAULT_LOCALE;
  } catch (e) {
    return DEFAULT_LOCALE; // storage blocked: stay with the default
  }
}

/** The chosen locale: 'zh' or 'en'. */
export const locale = storedLocale();

/** Camunda's `locales` setting: the chosen locale only. */
export const locales = {availableLocales: [locale], fallbackLocale: locale};

/** The Chinese or the English text, after the chosen locale. */
export function localized(zh, en) {
  return locale === 'zh' ? zh : en;
}

/** Camunda's `dateFormat` setting: Chinese dates in Chinese, Camunda's own formats in English. */
export const dateFormat = locale === 'zh'
  ? {normal: 'YYYY-MM-DD HH:mm', long: 'YYYY年M月D日 dddd HH:mm'}
  : undefined;

const SWITCH_ID = 'casedesk-locale-switch';

function createSwitch() {
  const other = locale === 'zh' ? 'en' : 'zh';
  const button = document.createElement('button');
  button.type = 'button';
  button.id = SWITCH_ID;
  button.className = 'btn btn-link';
  button.lang = other === 'en' ? 'en' : 'zh-CN';
  button.textContent = other === 'en' ? 'English' : '中文';
  button.title = other === 'en' ? 'Switch to English' : '切换到中文';
  button.setAttribute('data-locale', other);
  Object.assign(button.style, {padding: '0', margin: '0 0 0 1em', border: '0', fontSize: 'inherit', verticalAlign: 'baseline'});
  button.addEventListener('click', () => {
    try {
      window.localStorage.setItem(STORAGE_KEY, other);
    } catch (e) {
      return; // nowhere to keep the choice
    }
    window.location.reload();
  });
  return button;
}

// The footer's right-hand column ("Powered by Camunda Platform / v7.24.0"), rendered by AngularJS.
function footerSlot() {
  return document.querySelector('footer[cam-widget-footer] .row > :last-child');
}

function installSwitch() {
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  const button = createSwitch();
  const place = () => {
    if (button.isConnected) {
      return;
    }
    const slot = footerSlot();
    if (slot) {
      Object.assign(button.style, {position: '', right: '', bottom: '', zIndex: '', background: '', padding: '0'});
      slot.appendChild(button);
    }
  };
  place();
  // AngularJS renders the footer after this module ran, and may render it again: keep the switch in it.
  new MutationObserver(place).observe(document.body, {childList: true, subtree: true});
  // A page without Camunda's footer still gets the switch, in the bottom right corner.
  window.setTimeout(() => {
    if (!button.isConnected) {
      Object.assign(button.style, {position: 'fixed', right: '12px', bottom: '6px', zIndex: '1050',
        background: 'rgba(255, 255, 255, 0.85)', padding: '2px 6px'});
      document.body.appendChild(button);
    }
  }, 5000);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', installSwitch);
} else {
  installSwitch();
}
