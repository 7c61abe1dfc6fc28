// Renders every Camunda Form in forms/ with form-js-viewer 1.8.7 (what Tasklist 7.24 bundles),
// headless under jsdom, with the variables of .ci/form-fixtures.json: each form must import
// without warnings, show the fixture's value for every {{path}} in its text, refuse an empty submit
// where it has required fields, accept valid answers, and show owners' text (e.g. <b>) as text, never
// as markup.
import { JSDOM } from 'jsdom';
import fs from 'fs';
import { createRequire } from 'module';

const dom = new JSDOM('<!doctype html><div id="c"></div>', { pretendToBeVisual: true });
for (const k of ['window', 'document', 'navigator', 'Node', 'HTMLElement', 'Element', 'Event', 'KeyboardEvent',
  'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'DOMParser', 'CustomEvent', 'localStorage']) {
  try { globalThis[k] = dom.window[k]; } catch (e) { /* read-only in this Node */ }
}
globalThis.cancelAnimationFrame = dom.window.cancelAnimationFrame;
globalThis.window.matchMedia = () => ({ matches: false, addListener() {}, removeListener() {} });
const { Form } = createRequire(import.meta.url)('@bpmn-io/form-js-viewer');
// form-js registers each field for validation in an effect that runs after the browser paints, and
// some fields (date and time) normalise their value in effects too: a submit before those ran checks
// nothing. Wait until the rendered form and its registered fields stopped changing for three frames,
// instead of for a fixed time that a busy machine can outrun.
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));
const settle = async (form) => {
  const container = document.getElementById('c');
  const registry = form.get('formFieldInstanceRegistry');
  const state = () => registry.getAllKeyed().length + ':' + container.innerHTML;
  let last = state();
  for (let stable = 0, frames = 0; stable < 3; frames++) {
    if (frames > 500) throw new Error('the form did not settle within 500 frames');
    await frame();
    const now = state();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
};

const fixtures = JSON.parse(fs.readFileSync('.ci/form-fixtures.json', 'utf8'));
const files = fs.readdirSync('forms').filter((f) => f.endsWith('.form')).sort();
let failures = 0;
for (const file of files) {
  const schema = JSON.parse(fs.readFileSync('forms/' + file, 'utf8'));
  const problems = [];
  const fixture = fixtures[schema.id];
  if (file !== schema.id + '.form') problems.push(`file name must be the form id ${schema.id}.form`);
  if (!fixture) {
    problems.push(`no fixture for form id ${schema.id} in .ci/form-fixtures.json`);
  } else {
    // given: the variables, or the name of a shared set of them; also: variables added to that set
    const given = { ...(typeof fixture.given === 'string' ? fixtures[fixture.given] : fixture.given), ...fixture.also };
    const form = new Form({ container: document.getElementById('c') });
    let { warnings } = await form.importSchema(schema, given);
    await settle(form);
    if (warnings.length) problems.push('import warnings: ' + warnings.map((w) => w.message).join('; '));
    const required = JSON.stringify(schema).includes('"required":true');
    const empty = form.submit();
    if (required && Object.keys(empty.errors).length === 0) problems.push('an empty submit was accepted');
    // every {{path}} of a text field shows the fixture's value (nested paths too: labels.category)
    const shown = document.getElementById('c').textContent;
    for (const [, path] of JSON.stringify(schema).matchAll(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g)) {
      const value = path.split('.').reduce((scope, key) => (scope == null ? undefined : scope[key]), given);
      if (value === undefined) {
        problems.push(`{{${path}}} has no value in the fixture`);
      } else if (typeof value === 'string' && value && !value.includes('<') && !shown.includes(value)) {
        problems.push(`{{${path}}} does not show ${JSON.stringify(value)}`);
      }
    }
    if (given.description) {
      const markup = document.getElementById('c').querySelector('b');
      if (markup) problems.push("owners' text was rendered as markup");
    }
    ({ warnings } = await form.importSchema(schema, { ...given, ...fixture.fill }));
    await settle(form);
    const filled = form.submit();
    if (Object.keys(filled.errors).length) problems.push('valid answers refused: ' + JSON.stringify(filled.errors));
    form.destroy();
  }
  failures += problems.length ? 1 : 0;
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file}${problems.length ? ': ' + problems.join(' | ') : ''}`);
}
console.log(`formcheck: ${files.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
