// CaseDesk "SLA 报表" for Camunda Cockpit 7.24 (plugin casedesk-sla): a dashboard card, the report
// page (#/sla-report) and breach badges on process diagrams. Data comes from the plugin's REST
// resources (/camunda/api/cockpit/plugin/casedesk-sla/{engine}/reports/...), which decide on the
// server what the signed-in user may read. Every value is written with textContent, never as HTML.
// The trend chart is drawn by uPlot (WebJar org.webjars.npm:uplot, served by Spring Boot).

const UPLOT = '/webjars/uplot/1.6.30/dist/';
const ROUTE = '/sla-report';

/**
 * The engine's name. Cockpit 7.24 hands diagram plugins an api.engine parsed with an undefined
 * app name (the whole address), so the name is read from the page address where that happens.
 */
function engineOf(api) {
  if (api.engine && /^[A-Za-z0-9_.-]+$/.test(api.engine)) {
    return api.engine;
  }
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)\//);
  return match ? match[1] : 'default';
}

function base(api) {
  return `${api.cockpitApi}/plugin/casedesk-sla/${engineOf(api)}/reports`;
}

function url(api, path, params) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, value);
    }
  });
  const text = query.toString();
  return `${base(api)}/${path}${text ? '?' + text : ''}`;
}

async function load(api, path, params) {
  const response = await fetch(url(api, path, params), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  const body = await response.json().catch(() => ({message: `服务器返回 ${response.status}`}));
  if (!response.ok) {
    throw new Error(body.message || `服务器返回 ${response.status}`);
  }
  return body;
}

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key.startsWith('on')) {
      element.addEventListener(key.substring(2), value);
    } else if (key === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;
}

function duration(minutes) {
  if (minutes === null || minutes === undefined) {
    return '—';
  }
  const total = Math.round(Number(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  return [days ? `${days}天` : '', hours ? `${hours}小时` : '', rest || (!days && !hours) ? `${rest}分` : ''].join('');
}

function time(value) {
  return value ? String(value).replace('T', ' ').substring(0, 16) : '—';
}

function cell(column, row) {
  const value = row[column.key];
  switch (column.type) {
    case 'rate':
      return percent(value);
    case 'minutes':
      return duration(value);
    case 'time':
      return column.key === 'doneAt' && !value ? '未办结' : time(value);
    case 'case':
      return row.processInstanceId
        ? h('a', {href: `#/process-instance/${encodeURIComponent(row.processInstanceId)}/runtime`, text: value})
        : (value || '—');
    default:
      return value === null || value === undefined || value === '' ? '—' : String(value);
  }
}

/** A report table; sortable columns call onSort(key). */
function tableOf(report, options = {}) {
  const sortable = options.sortable || {};
  const head = h('tr', null, report.columns.map(column => {
    const key = sortable[column.key];
    if (!key) {
      return h('th', {text: column.label});
    }
    const active = options.sort === key;
    return h('th', {class: 'casedesk-sortable', title: '点击排序', onclick: () => options.onSort(key)},
      column.label + (active ? (options.dir === 'asc' ? ' ▲' : ' ▼') : ''));
  }));
  const body = report.rows.length
    ? report.rows.map(row => h('tr', null, report.columns.map(column =>
      h('td', {class: `casedesk-${column.type}`}, cell(column, row)))))
    : [h('tr', null, h('td', {colspan: report.columns.length, class: 'casedesk-empty', text: '没有数据'}))];
  return h('table', {class: 'table table-bordered table-condensed casedesk-table', 'data-report': report.name},
    h('thead', null, head), h('tbody', null, body));
}

function csvLink(api, path, params, label = '导出 CSV') {
  return h('a', {class: 'btn btn-default btn-sm casedesk-csv', href: url(api, path, {...params, format: 'csv'}),
    download: '', text: label});
}

function errorBox(error) {
  return h('div', {class: 'alert alert-danger casedesk-error', text: error.message});
}

// --- the dashboard card -----------------------------------------------------------------------

async function renderDashboard(node, api) {
  node.replaceChildren(h('p', {text: '正在加载 SLA 概况…'}));
  try {
    const report = await load(api, 'dashboard');
    const cards = report.rows.map(row => h('div', {class: 'casedesk-card', 'data-company': row.companyCode},
      h('h4', {text: row.company}),
      h('div', {class: 'casedesk-figure casedesk-overdue'},
        h('span', {class: 'casedesk-value', text: row.openCasesPastDue}), h('span', {text: '当前逾期未办案件'})),
      h('div', {class: 'casedesk-figure'},
        h('span', {class: 'casedesk-value', text: row.breachesThisMonth}), h('span', {text: '本月超时环节'})),
      h('div', {class: 'casedesk-figure'},
        h('span', {class: 'casedesk-value', text: percent(row.breachRateThisMonth)}),
        h('span', {text: `本月超时率（上月 ${percent(row.breachRateLastMonth)}）`}))));
    node.replaceChildren(h('section', {class: 'casedesk-dashboard'},
      h('h3', null, 'SLA 概况 ', h('small', {text: report.meta.month})),
      h('div', {class: 'casedesk-cards'}, cards),
      h('a', {href: `#${ROUTE}`, class: 'casedesk-more', text: '查看 SLA 报表 →'})));
  } catch (error) {
    node.replaceChildren(errorBox(error));
  }
}

// --- the report page --------------------------------------------------------------------------

const TABS = [
  ['breaches', '超时明细'], ['aggregates', '汇总分析'], ['trend', '超时趋势'], ['inventory', '在办投诉盘点'],
  ['monthly', '月度报表']
];
const MONTHLY = ['categories', 'hotspots', 'early-warnings', 'repair-callbacks', 'contractors', 'drills'];
const BREACH_SORT = {caseNumber: 'case_number', process: 'process', step: 'step', company: 'company',
  project: 'project', department: 'department', person: 'person', dueAt: 'due', doneAt: 'done', lateMinutes: 'late'};

function today() {
  const date = new Date();
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The first day of the month {@code months} before this one. */
function monthsAgo(months) {
  const date = new Date();
  date.setDate(1);
  date.setMonth(date.getMonth() - months);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-01`;
}

function renderPage(node, api) {
  const state = {tab: 'breaches', drill: false, sort: 'late', dir: 'desc', page: 0, size: 20, by: 'process',
    granularity: 'month', month: today().substring(0, 7), filters: {from: monthsAgo(5), to: today()}, options: null};
  const content = h('div', {class: 'casedesk-content'});
  const tabs = h('ul', {class: 'nav nav-tabs casedesk-tabs'});
  const drill = h('label', {class: 'casedesk-drill'},
    h('input', {type: 'checkbox', onchange: event => {
      state.drill = event.target.checked;
      state.page = 0;
      show();
    }}), ' 只看演练数据（演练不计入正式指标）');
  node.replaceChildren(h('div', {class: 'casedesk-sla'},
    h('h2', {text: 'SLA 报表'}), tabs, drill, content));

  function params() {
    return {...state.filters, drill: state.drill ? 'true' : ''};
  }

  function filterBar(onApply) {
    const field = (name, label, control) => h('label', {class: 'casedesk-filter'}, h('span', {text: label}), control);
    const input = (name, type) => h('input', {class: 'form-control input-sm', type, name, value: state.filters[name] || ''});
    const select = (name, choices) => h('select', {class: 'form-control input-sm', name},
      h('option', {value: '', text: '全部'}),
      choices.map(choice => h('option', {value: choice.code, text: choice.name, selected: state.filters[name] === choice.code})));
    const options = state.options || {companies: [], projects: [], processes: [], departments: []};
    const process = options.processes.find(p => p.key === state.filters.process);
    const form = h('form', {class: 'casedesk-filters form-inline', onsubmit: event => {
      event.preventDefault();
      new FormData(form).forEach((value, key) => {
        state.filters[key] = value;
      });
      state.page = 0;
      onApply();
    }},
      field('from', '开始日期', input('from', 'date')),
      field('to', '结束日期', input('to', 'date')),
      field('company', '公司', select('company', options.companies)),
      field('project', '项目', select('project', options.projects.filter(p => !state.filters.company || p.companyCode === state.filters.company))),
      field('process', '流程', select('process', options.processes.map(p => ({code: p.key, name: p.name})))),
      field('step', '环节', select('step', process ? process.steps.map(s => ({code: s.id, name: s.name})) : [])),
      field('department', '责任部门', select('department', options.departments)),
      field('person', '责任人', input('person', 'text')),
      h('button', {type: 'submit', class: 'btn btn-primary btn-sm', text: '查询'}));
    form.querySelector('[name=process]').addEventListener('change', event => {
      state.filters.process = event.target.value;
      state.filters.step = '';
      form.replaceWith(filterBar(onApply));
    });
    form.querySelector('[name=company]').addEventListener('change', event => {
      state.filters.company = event.target.value;
      state.filters.project = '';
      form.replaceWith(filterBar(onApply));
    });
    return form;
  }

  async function breaches() {
    const query = {...params(), sort: state.sort, dir: state.dir, page: state.page, size: state.size};
    const report = await load(api, 'breaches', query);
    const pages = Math.max(1, Math.ceil(report.meta.total / state.size));
    return [filterBar(show),
      h('div', {class: 'casedesk-toolbar'},
        h('span', {class: 'casedesk-total', text: `共 ${report.meta.total} 条超时记录`}),
        csvLink(api, 'breaches', {...params(), sort: state.sort, dir: state.dir})),
      tableOf(report, {sortable: BREACH_SORT, sort: state.sort, dir: state.dir, onSort: key => {
        state.dir = state.sort === key && state.dir === 'desc' ? 'asc' : 'desc';
        state.sort = key;
        state.page = 0;
        show();
      }}),
      h('div', {class: 'casedesk-pager'},
        h('button', {class: 'btn btn-default btn-sm', disabled: state.page === 0, text: '上一页',
          onclick: () => { state.page -= 1; show(); }}),
        h('span', {text: ` 第 ${state.page + 1} / ${pages} 页 `}),
        h('button', {class: 'btn btn-default btn-sm', disabled: state.page + 1 >= pages, text: '下一页',
          onclick: () => { state.page += 1; show(); }}))];
  }

  async function aggregates() {
    const report = await load(api, 'aggregates', {...params(), by: state.by});
    const by = h('select', {class: 'form-control input-sm', name: 'by', onchange: event => {
      state.by = event.target.value;
      show();
    }}, [['process', '流程'], ['step', '环节'], ['company', '公司'], ['project', '项目'], ['department', '责任部门'],
      ['person', '责任人']].map(([value, label]) => h('option', {value, text: `按${label}`, selected: state.by === value})));
    return [filterBar(show), h('div', {class: 'casedesk-toolbar'}, by,
      csvLink(api, 'aggregates', {...params(), by: state.by})), tableOf(report)];
  }

  async function trend() {
    const report = await load(api, 'trend', {...params(), granularity: state.granularity});
    const granularity = h('select', {class: 'form-control input-sm', name: 'granularity', onchange: event => {
      state.granularity = event.target.value;
      show();
    }}, [['month', '按月'], ['week', '按周']].map(([value, label]) =>
      h('option', {value, text: label, selected: state.granularity === value})));
    const chart = h('div', {class: 'casedesk-chart'});
    drawTrend(chart, report).catch(error => chart.replaceChildren(errorBox(error)));
    return [filterBar(show), h('div', {class: 'casedesk-toolbar'}, granularity,
      csvLink(api, 'trend', {...params(), granularity: state.granularity})), chart, tableOf(report)];
  }

  async function inventory() {
    const query = {company: state.filters.company, project: state.filters.project};
    const report = await load(api, 'inventory', query);
    return [h('div', {class: 'casedesk-toolbar'},
      h('span', {class: 'casedesk-total', text: `在办投诉 ${report.meta.total} 件，其中已逾期 ${report.meta.overdue} 件`}),
      csvLink(api, 'inventory', query)), tableOf(report)];
  }

  async function monthly() {
    const month = h('input', {type: 'month', class: 'form-control input-sm', value: state.month, onchange: event => {
      state.month = event.target.value;
      show();
    }});
    const sections = await Promise.all(MONTHLY.map(async name => {
      try {
        const report = await load(api, `monthly/${name}`, {month: state.month});
        return h('section', {class: 'casedesk-monthly', 'data-table': name},
          h('h4', null, report.title, ' ', csvLink(api, `monthly/${name}`, {month: state.month})), tableOf(report));
      } catch (error) {
        return errorBox(error);
      }
    }));
    return [h('div', {class: 'casedesk-toolbar'}, h('label', null, '月份 ', month)), ...sections];
  }

  const views = {breaches, aggregates, trend, inventory, monthly};

  async function show() {
    tabs.replaceChildren(...TABS.map(([id, label]) => h('li', {class: state.tab === id ? 'active' : ''},
      h('a', {href: '', 'data-tab': id, text: label, onclick: event => {
        event.preventDefault();
        state.tab = id;
        show();
      }}))));
    drill.style.display = ['breaches', 'aggregates', 'trend'].includes(state.tab) ? '' : 'none';
    content.replaceChildren(h('p', {class: 'casedesk-loading', text: '正在加载…'}));
    try {
      if (!state.options) {
        state.options = await load(api, 'options');
      }
      content.replaceChildren(...(await views[state.tab]()).flat());
    } catch (error) {
      content.replaceChildren(errorBox(error));
    }
  }

  show();
}

let uplotModule;

async function drawTrend(node, report) {
  if (!report.rows.length) {
    return;
  }
  if (!uplotModule) {
    if (!document.querySelector('link[data-uplot]')) {
      document.head.append(h('link', {rel: 'stylesheet', href: `${UPLOT}uPlot.min.css`, 'data-uplot': true}));
    }
    uplotModule = (await import(`${UPLOT}uPlot.esm.js`)).default;
  }
  const x = report.rows.map(row => Date.parse(`${row.period}T00:00:00`) / 1000);
  const rates = report.rows.map(row => (row.breachRate === null ? null : Number(row.breachRate) * 100));
  const breaches = report.rows.map(row => row.breaches);
  const width = Math.max(480, Math.min(1000, node.parentElement ? node.parentElement.clientWidth - 20 : 800));
  new uplotModule({
    width,
    height: 280,
    title: report.title,
    scales: {x: {time: true, range: (u, min, max) => (min === max ? [min - 16 * 86400, max + 16 * 86400] : [min, max])}, rate: {range: (u, min, max) => [0, Math.max(10, Math.ceil(max / 10) * 10)]}},
    axes: [
      {values: (u, ticks) => ticks.map(t => new Date(t * 1000).toISOString().substring(0, report.meta.granularity === 'week' ? 10 : 7))},
      {scale: 'rate', label: '超时率 %', values: (u, ticks) => ticks.map(t => `${t}%`)},
      {scale: 'count', side: 1, label: '超时数', grid: {show: false}}
    ],
    series: [
      {label: report.meta.granularity === 'week' ? '周' : '月', value: (u, t) => t == null ? '—' : new Date(t * 1000).toISOString().substring(0, 10)},
      {label: '超时率', scale: 'rate', stroke: '#d9534f', width: 2, points: {show: true}, value: (u, v) => v == null ? '—' : `${v.toFixed(1)}%`},
      {label: '超时数', scale: 'count', stroke: '#337ab7', width: 1, dash: [4, 4], points: {show: true}}
    ]
  }, [x, rates, breaches], node);
}

// --- badges on the process diagram ------------------------------------------------------------

function processKeyOf(viewer) {
  const definitions = viewer.getDefinitions && viewer.getDefinitions();
  const process = definitions && (definitions.rootElements || []).find(element => element.$type === 'bpmn:Process');
  return process ? process.id : null;
}

async function renderDiagramBadges(viewer, api) {
  const key = processKeyOf(viewer);
  if (!key) {
    viewer.on && viewer.on('import.done', () => renderDiagramBadges(viewer, api));
    return;
  }
  let report;
  try {
    report = await load(api, 'diagram', {process: key});
  } catch (error) {
    return; // a user who may not read reports sees the diagram without badges
  }
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  report.rows.forEach(row => {
    if (!registry.get(row.stepId)) {
      return;
    }
    const level = row.breachRate === null ? 'none' : Number(row.breachRate) >= 0.2 ? 'high'
      : Number(row.breachRate) > 0 ? 'some' : 'none';
    overlays.add(row.stepId, 'casedesk-sla', {
      position: {top: -14, left: 0},
      scale: {min: 1},
      html: h('span', {class: `casedesk-badge casedesk-badge-${level}`, 'data-step': row.stepId,
        title: `近三个月：到期 ${row.deadlines}，超时 ${row.breaches}`,
        text: `超时 ${row.breaches}/${row.deadlines} · ${percent(row.breachRate)}`})
    });
  });
}

export default [
  {
    id: 'casedesk-sla.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    properties: {label: 'SLA 概况'},
    render: (node, {api}) => renderDashboard(node, api)
  },
  {
    id: 'casedesk-sla.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {path: ROUTE},
    checkActive: path => path.indexOf(`#${ROUTE}`) > -1,
    render: node => node.append(h('a', {href: `#${ROUTE}`, text: 'SLA 报表'}))
  },
  {
    id: 'casedesk-sla.route',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: 'SLA 报表'},
    render: (node, {api}) => renderPage(node, api)
  },
  {
    id: 'casedesk-sla.diagram',
    pluginPoint: 'cockpit.processDefinition.diagram.plugin',
    render: (viewer, {api}) => renderDiagramBadges(viewer, api)
  }
];
