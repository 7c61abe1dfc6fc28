// CaseDesk for Camunda Tasklist 7.24 (plugin casedesk-due): on every task card, the time left
// before the task's due date, or how late it is, coloured: on time (green), due within 2 hours
// (amber), overdue (red). The due date is read through the engine API as the signed-in user.

const SOON_MS = 2 * 60 * 60 * 1000;

function left(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) {
    return `${days}天${hours ? hours + '小时' : ''}`;
  }
  if (hours) {
    return `${hours}小时${rest ? rest + '分' : ''}`;
  }
  return `${rest}分钟`;
}

/** The badge of a due date, as of now: {level, text}. */
export function dueBadge(due, now = Date.now()) {
  if (!due) {
    return null;
  }
  const remaining = Date.parse(due) - now;
  if (remaining < 0) {
    return {level: 'overdue', text: `已逾期 ${left(remaining)}`};
  }
  if (remaining <= SOON_MS) {
    return {level: 'soon', text: `剩余 ${left(remaining)}`};
  }
  return {level: 'ontime', text: `剩余 ${left(remaining)}`};
}

const STYLE = {
  ontime: 'background:#dff0d8;color:#3c763d;border:1px solid #b2dba1;',
  soon: 'background:#fcf8e3;color:#8a6d3b;border:1px solid #f5e79e;',
  overdue: 'background:#f2dede;color:#a94442;border:1px solid #dca7a7;'
};

export default [
  {
    id: 'casedesk-due.card',
    pluginPoint: 'tasklist.card',
    priority: 10,
    render: (node, {api, taskId}) => {
      fetch(`${api.engineApi}/task/${encodeURIComponent(taskId)}`, {
        credentials: 'same-origin',
        headers: {Accept: 'application/json'}
      })
        .then(response => (response.ok ? response.json() : null))
        .then(task => {
          const badge = task && dueBadge(task.due);
          if (!badge) {
            return;
          }
          const span = document.createElement('span');
          span.className = `casedesk-due casedesk-due-${badge.level}`;
          span.setAttribute('data-level', badge.level);
          span.setAttribute('style', `${STYLE[badge.level]}display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;margin-top:2px;`);
          span.textContent = badge.text;
          node.replaceChildren(span);
        })
        .catch(() => {});
    }
  }
];
