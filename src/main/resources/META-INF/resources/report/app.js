// The reporters' page. What waits on the phone is sealed to the service's public key (sealing.js), so the phone
// cannot read it back; the access key lives in memory, or encrypted under a PIN (pin-lock.js).
import {LABELS} from './labels.js';
import {DB, deleteForGood, meta, onDeletedElsewhere, queue} from './phone-store.js';
import {rememberUnderPin, unlockWithPin} from './pin-lock.js';
import {padded, seal, sha256Hex} from './sealing.js';

const API = '/api/v1';
const BACKOFF_MS = [5000, 15000, 60000, 300000];
/** Problems that refuse an item for what it holds: sending it again would be refused again. */
const REFUSED = ['validation', 'malformed-json', 'invalid-parameter', 'payload-too-large', 'idempotency-key-reused'];

const $ = (id) => document.getElementById(id);
let accessKey = null;
let wiped = false;
let lang = localStorage.getItem('lang') === 'my' ? 'my' : 'en';
const t = (name, values) => String(LABELS[lang][name] ?? LABELS.en[name] ?? name)
    .replace(/\{(\w+)\}/g, (_, k) => values?.[k] ?? '');

async function sealingKey() {
  if (wiped) {
    return null;
  }
  if (navigator.onLine) {
    try {
      const answer = await fetch(API + '/sealed-submissions/key', {cache: 'no-store', credentials: 'omit'});
      if (answer.ok) {
        const jwk = await answer.json();
        await meta.put('sealingKey', jwk);
        return jwk;
      }
    } catch (offline) { /* use the kept copy */ }
  }
  return meta.get('sealingKey');
}

// ---- labels
/** A select's options in the current language; a blank first one where nothing should be assumed. */
function fillOptions(select) {
  const chosen = select.value;
  select.replaceChildren();
  if (select.dataset.blank !== undefined) {
    select.append(new Option(t('choose'), ''));
  }
  for (const [value, text] of Object.entries(LABELS[lang][select.dataset.options])) {
    const option = new Option(text, value);
    option.defaultSelected = value === select.dataset.default; // what a reset of the form returns to
    select.append(option);
  }
  select.value = chosen || select.dataset.default || '';
}
function fillChecks(box, name) {
  const chosen = new Set([...box.querySelectorAll('input:checked')].map((c) => c.value));
  box.replaceChildren();
  for (const [value, text] of Object.entries(LABELS[lang][name])) {
    const label = document.createElement('label');
    label.className = 'check';
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.value = value;
    check.checked = chosen.has(value);
    label.append(check, ' ', text);
    box.append(label);
  }
}
function translate(root = document) {
  if (wiped) {
    return;
  }
  document.documentElement.lang = lang;
  document.title = t('appTitle');
  root.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  root.querySelectorAll('select[data-options]').forEach(fillOptions);
  root.querySelectorAll('[data-checks]').forEach((b) => fillChecks(b, b.dataset.checks));
  $('lang').textContent = LABELS[lang === 'en' ? 'my' : 'en'].other;
  $('lang').lang = lang === 'en' ? 'my' : 'en';
  numberCasualties();
  renderPrisons();
  renderPosition();
  renderQueue();
}

// ---- prisons: the public list, held in memory only
let prisons = [];
async function loadPrisons() {
  if (!navigator.onLine) {
    return;
  }
  try {
    const found = [];
    let url = API + '/prisons?limit=200';
    for (let pages = 0; url && pages < 20; pages++) {
      const answer = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'omit'});
      if (!answer.ok) {
        break;
      }
      const page = await answer.json();
      found.push(...page.items);
      const next = /<([^>]+)>;\s*rel="next"/.exec(answer.headers.get('Link') || '');
      url = next ? next[1] : null;
    }
    prisons = found;
    renderPrisons();
  } catch (offline) { /* a place can be typed instead */ }
}
function renderPrisons() {
  const select = $('f-prison');
  const chosen = select.value;
  select.replaceChildren(new Option(t('noPrison'), ''));
  const mine = lang === 'my';
  for (const p of prisons) {
    const name = mine && p.nameMy ? p.nameMy : p.name;
    select.append(new Option(p.stateRegion ? name + ' (' + p.stateRegion + ')' : name, p.id));
  }
  select.value = chosen;
}

// ---- the phone's position, only when asked
let position = null;
function renderPosition() {
  $('position-shown').hidden = !position;
  $('remove-position').hidden = !position;
  if (position) {
    $('position-shown').textContent = t('positionShown', {lat: position.latitude.toFixed(5), lon: position.longitude.toFixed(5)});
  }
}

// ---- casualties
let casualtyCount = 0;
function addCasualty() {
  const row = $('casualty-template').content.firstElementChild.cloneNode(true);
  const n = casualtyCount++;
  row.querySelectorAll('[data-name]').forEach((e) => { e.id = 'c' + n + '-' + e.dataset.name; });
  row.querySelectorAll('label[data-for]').forEach((l) => { l.htmlFor = 'c' + n + '-' + l.dataset.for; });
  row.querySelector('[data-name=count]').setAttribute('aria-describedby', 'c' + n + '-error');
  row.querySelector('[data-name=remove]').addEventListener('click', () => { row.remove(); numberCasualties(); });
  $('casualties').append(row);
  translate(row);
  return row;
}
function numberCasualties() {
  document.querySelectorAll('#casualties .casualty').forEach((row, i) => {
    row.querySelector('legend').textContent = t('casualty', {n: i + 1});
  });
}

// ---- the form: read, checked, turned into a submission
const number = (id) => {
  const value = $(id).value.trim();
  return value === '' ? null : Number(value);
};
function count(minId, bestId, maxId) {
  const c = {};
  for (const [k, id] of [['min', minId], ['best', bestId], ['max', maxId]]) {
    const v = number(id);
    if (v !== null) {
      c[k] = v;
    }
  }
  return c;
}
function countProblem(c) {
  const values = Object.values(c);
  if (values.length === 0) {
    return t('countNeeded');
  }
  if (values.some((v) => !Number.isInteger(v) || v < 0)) {
    return t('countNeeded');
  }
  const order = [c.min, c.best, c.max].filter((v) => v !== undefined);
  return order.every((v, i) => i === 0 || order[i - 1] <= v) ? null : t('countOrder');
}
function dates() {
  const precision = $('f-precision').value;
  if (precision === 'DAY') {
    return {from: $('f-day').value, to: $('f-day').value};
  }
  if (precision === 'MONTH') {
    const m = $('f-month').value;
    if (!/^\d{4}-\d{2}$/.test(m)) {
      return {};
    }
    const [y, mo] = m.split('-').map(Number);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return {from: m + '-01', to: m + '-' + String(last).padStart(2, '0')};
  }
  if (precision === 'YEAR') {
    const y = $('f-year').value.trim();
    return /^\d{4}$/.test(y) ? {from: y + '-01-01', to: y + '-12-31'} : {};
  }
  return {from: $('f-from').value, to: $('f-to').value};
}

function readForm() {
  const errors = [];
  const d = dates();
  const incident = {
    type: $('f-type').value,
    title: $('f-title').value.trim(),
    description: $('f-description').value.trim() || null,
    prisonId: $('f-prison').value || null,
    locationName: $('f-place').value.trim() || null,
    occurredFrom: d.from || null,
    occurredTo: d.to || null,
    datePrecision: $('f-precision').value,
    reportedOn: new Date().toLocaleDateString('en-CA'), // the phone's own day, as YYYY-MM-DD
    confidentiality: $('f-confidentiality').value
  };
  if (position) {
    incident.latitude = Number(position.latitude.toFixed(6));
    incident.longitude = Number(position.longitude.toFixed(6));
  }
  if (!incident.type) {
    errors.push(['f-type', t('required')]);
  }
  if (!incident.title) {
    errors.push(['f-title', t('required')]);
  }
  if (!incident.occurredFrom || !incident.occurredTo) {
    errors.push(['f-date', t('dateNeeded')]);
  } else if (incident.occurredTo < incident.occurredFrom) {
    errors.push(['f-date', t('dateOrder')]);
  }
  const sourceName = $('f-src-name').value.trim();
  const writes = [];
  const citation = [];
  if (sourceName) {
    writes.push({collection: 'sources', record: {name: sourceName, kind: $('f-src-kind').value,
      contact: $('f-src-contact').value.trim() || null, confidentiality: 'CONFIDENTIAL'}});
    citation.push({sourceId: '#0', reliability: $('f-reliability').value, credibility: Number($('f-credibility').value),
      excerpt: $('f-excerpt').value.trim() || null});
  } else if ($('f-src-contact').value.trim() || $('f-excerpt').value.trim()) {
    errors.push(['f-src-name', t('required')]);
  }
  const incidentAt = writes.length;
  writes.push({collection: 'incidents', record: {...incident, citations: citation}});
  const layout = {source: sourceName ? 0 : null, incident: incidentAt, report: null, casualties: []};
  if ($('f-armed').checked) {
    const armed = count('f-armed-min', 'f-armed-best', 'f-armed-max');
    if (!incident.prisonId) {
      errors.push(['f-prison', t('prisonNeeded')]);
    }
    const problem = Object.keys(armed).length ? countProblem(armed) : null;
    if (problem) {
      errors.push(['f-armed-count', problem]);
    }
    layout.report = writes.length;
    writes.push({collection: 'armed-inmate-reports', record: {prisonId: incident.prisonId, incidentId: '#' + incidentAt,
      reportedOn: incident.reportedOn, periodFrom: incident.occurredFrom, periodTo: incident.occurredTo,
      inmatesArmed: Object.keys(armed).length ? armed : null,
      inducements: [...document.querySelectorAll('#f-inducements input:checked')].map((c) => c.value),
      usedInCombat: $('f-combat').checked, confidentiality: incident.confidentiality, citations: citation}});
  }
  const rows = [...document.querySelectorAll('#casualties .casualty')];
  if (rows.length > 50) {
    errors.push(['form', t('tooMany')]);
  }
  for (const row of rows) {
    const id = row.querySelector('[data-name=outcome]').id.replace(/-outcome$/, '');
    const c = count(id + '-min', id + '-best', id + '-max');
    const problem = countProblem(c);
    if (problem) {
      errors.push([id + '-count', problem]);
    }
    for (const name of ['outcome', 'group']) {
      if (!$(id + '-' + name).value) {
        errors.push([id + '-' + name, t('required')]);
      }
    }
    layout.casualties.push({at: writes.length, row: id});
    writes.push({collection: 'casualties', record: {incidentId: '#' + incidentAt,
      outcome: $(id + '-outcome').value, group: $(id + '-group').value, count: c,
      occurredOn: incident.occurredFrom === incident.occurredTo ? incident.occurredFrom : null,
      confidentiality: incident.confidentiality, citations: citation}});
  }
  return {errors, submission: {writes}, layout};
}

// ---- showing problems next to the fields they name
function clearErrors() {
  document.querySelectorAll('#report-form .error').forEach((e) => { e.hidden = true; e.textContent = ''; });
  document.querySelectorAll('#report-form [aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}
function showError(field, message) {
  let box = $(field + '-error');
  if (/^c\d+-(count|outcome|group)$/.test(field)) {
    box = $(field.replace(/-\w+$/, '-error'));
  }
  if (!box) {
    box = $('form-errors');
    const li = document.createElement('li');
    li.textContent = message;
    box.append(li);
    box.hidden = false;
    return;
  }
  box.textContent = box.textContent ? box.textContent + ' ' + message : message;
  box.hidden = false;
  const input = $(field) || $(field === 'f-date' ? dateInputId() : field);
  input?.setAttribute('aria-invalid', 'true');
}
function dateInputId() {
  return {DAY: 'f-day', MONTH: 'f-month', YEAR: 'f-year', RANGE: 'f-from'}[$('f-precision').value];
}

/** The page's own field for a problem's "writes[n].record.path", from what the item's writes were. */
const INCIDENT_FIELDS = {title: 'f-title', description: 'f-description', prisonId: 'f-prison', locationName: 'f-place',
  latitude: 'f-position', longitude: 'f-position', occurredFrom: 'f-date', occurredTo: 'f-date',
  datePrecision: 'f-date', confidentiality: 'f-confidentiality', type: 'f-type'};
const SOURCE_FIELDS = {name: 'f-src-name', contact: 'f-src-contact', kind: 'f-src-kind'};
function fieldOf(path, layout) {
  const m = /^writes\[(\d+)]\.record\.?([A-Za-z]*)(.*)$/.exec(path || '');
  if (!m) {
    return null;
  }
  const at = Number(m[1]);
  const name = m[2];
  if (name === 'citations') {
    return /excerpt/.test(m[3]) ? 'f-excerpt' : 'f-src-name';
  }
  if (at === layout.incident) {
    return INCIDENT_FIELDS[name] || null;
  }
  if (at === layout.source) {
    return SOURCE_FIELDS[name] || 'f-src-name';
  }
  if (at === layout.report) {
    return name === 'prisonId' ? 'f-prison' : name === 'inmatesArmed' ? 'f-armed-count' : 'f-armed';
  }
  const casualty = layout.casualties.find((c) => c.at === at);
  return casualty ? casualty.row + (name === 'count' ? '-count' : '-' + name) : null;
}
const FIELD_LABELS = {'f-title': 'title', 'f-description': 'description', 'f-prison': 'prison', 'f-place': 'place',
  'f-position': 'position', 'f-date': 'date', 'f-confidentiality': 'confidentiality', 'f-type': 'type',
  'f-src-name': 'sourceName', 'f-src-contact': 'contact', 'f-src-kind': 'sourceKind', 'f-excerpt': 'excerpt',
  'f-armed-count': 'inmatesArmed', 'f-armed': 'armedTitle'};
/** The label of the page's field, from the words rather than the form: the form may be gone by then. */
function labelOf(field, layout) {
  const casualty = /^(c\d+)-(\w+)$/.exec(field || '');
  if (casualty) {
    const n = layout.casualties.findIndex((c) => c.row === casualty[1]) + 1;
    return t('casualty', {n}) + ' — ' + t(casualty[2] in LABELS.en ? casualty[2] : 'count');
  }
  return FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : '';
}

// ---- sending, in order, until each is acknowledged or refused
let sending = false;
let sendingId = null;
let sendAgain = false;
let retryTimer = null;
let failures = 0;
const forms = new Map();   // item id -> the form as typed, in memory only, for "edit and send again"
const sentThisSession = [];

async function sendQueue() {
  if (sending) {
    sendAgain = true; // an item queued during this pass goes in the next
    return;
  }
  if (wiped || !accessKey || !navigator.onLine) {
    return;
  }
  sending = true;
  sendAgain = false;
  clearTimeout(retryTimer);
  try {
    for (const item of await queue.all()) {
      if (item.state === 'refused' || item.state === 'held') {
        continue;
      }
      sendingId = item.id;
      await renderQueue();
      let answer;
      try {
        answer = await fetch(API + '/sealed-submissions', {method: 'POST', credentials: 'omit', cache: 'no-store',
          headers: {'Authorization': 'Bearer ' + accessKey, 'Content-Type': 'application/jose',
            'Idempotency-Key': item.idempotencyKey, 'Accept': 'application/json, application/problem+json'},
          body: item.sealed});
      } catch (network) {
        scheduleRetry();
        return;
      }
      if (answer.status === 201) {
        await queue.del(item.id);
        forms.delete(item.id);
        sentThisSession.push({id: item.id, at: item.at});
        failures = 0;
        continue;
      }
      const problem = await answer.json().catch(() => ({}));
      const problemType = String(problem.type || '').replace('urn:prisonwatch:problem:', '');
      if (answer.status === 401) {
        askForKey(t('keyRefused'));
        return;
      }
      if (answer.status === 403 || problemType === 'unopenable-seal') {
        // this key may not send this item (sealed for another key), or the service cannot open it now: it is
        // held, sealed, with the reason, and tried again at the next sign-in; the rest go on
        await queue.put({...item, state: 'held',
          problem: {detail: problem.detail || answer.statusText, errors: []}});
        continue;
      }
      const json = (answer.headers.get('Content-Type') || '').startsWith('application/problem+json');
      if (json && answer.status < 500 && REFUSED.includes(problemType)) {
        // refused for good, for what it holds: keep why, never the sealed body, which no one can change now
        await queue.put({id: item.id, seq: item.seq, at: item.at, idempotencyKey: item.idempotencyKey,
          layout: item.layout, state: 'refused',
          problem: {detail: problem.detail || answer.statusText, errors: (problem.errors || []).slice(0, 50)}});
        continue;
      }
      // anything else (a proxy's page, a conflict, a limit, a failure) says nothing about the item: try again
      scheduleRetry(Math.min(Number(answer.headers.get('Retry-After')) || 0, 3600) * 1000);
      return;
    }
  } finally {
    sending = false;
    sendingId = null;
    if (!wiped) {
      await renderQueue();
    }
    if (sendAgain && !wiped) {
      sendQueue();
    }
  }
}
function scheduleRetry(after) {
  const wait = after > 0 ? after : BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
  failures++;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(sendQueue, wait);
}

async function renderQueue() {
  const items = await queue.all().catch(() => []);
  const waiting = items.filter((i) => i.state !== 'refused').length;
  const refused = items.length - waiting;
  $('pending').textContent = (waiting ? t('notSent', {n: waiting}) : refused ? '' : t('allSent'))
      + (refused ? ' ' + t('refusedCount', {n: refused}) : '');
  const list = $('queue');
  list.replaceChildren();
  const time = (at) => {
    const d = new Date(at);
    const two = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
        + two(d.getMinutes());
  };
  for (const item of items) {
    const li = document.createElement('li');
    li.className = item.state;
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = t(item.id === sendingId ? 'sending' : item.state);
    li.append(t('item', {time: time(item.at)}), ' — ', state);
    if (item.state === 'refused' || item.state === 'held') {
      const why = document.createElement('p');
      why.className = 'error';
      why.textContent = t('server', {detail: item.problem.detail});
      li.append(why);
      const details = document.createElement('ul');
      for (const e of item.problem.errors) {
        const d = document.createElement('li');
        const field = fieldOf(e.field, item.layout);
        d.textContent = (labelOf(field, item.layout) || e.field) + ': ' + e.message;
        details.append(d);
      }
      li.append(details);
      if (forms.has(item.id) && item.state === 'refused') {
        li.append(button(t('editAgain'), () => editAgain(item)));
      }
      li.append(button(t('dismiss'), async () => { await queue.del(item.id); forms.delete(item.id); renderQueue(); }));
    }
    list.append(li);
  }
  for (const sent of sentThisSession) {
    const li = document.createElement('li');
    li.className = 'sent';
    li.append(t('item', {time: time(sent.at)}), ' — ', t('sent'));
    list.append(li);
  }
}
function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

async function editAgain(item) {
  const renamed = restoreForm(forms.get(item.id));
  clearErrors();
  for (const e of item.problem.errors) {
    const field = fieldOf(e.field, item.layout) || 'form';
    const row = /^(c\d+)(-.*)$/.exec(field);
    showError(row ? renamed.get(row[1]) + row[2] : field, e.message);
  }
  if (!item.problem.errors.length) {
    showError('form', t('server', {detail: item.problem.detail}));
  }
  await queue.del(item.id);
  forms.delete(item.id);
  renderQueue();
  $('report-title').scrollIntoView();
}

// the typed form, kept in memory (never on the phone) while its item waits
function snapshotForm() {
  const values = {};
  document.querySelectorAll('#report-form input, #report-form select, #report-form textarea').forEach((e) => {
    if (e.id) {
      values[e.id] = e.type === 'checkbox' ? e.checked : e.value;
    }
  });
  const checks = [...document.querySelectorAll('#f-inducements input:checked')].map((c) => c.value);
  return {values, checks, casualties: document.querySelectorAll('#casualties .casualty').length, position};
}
function restoreForm(snapshot) {
  resetForm();
  for (let i = 0; i < snapshot.casualties; i++) {
    addCasualty();
  }
  // rows restored get new ids: map the old ones in order
  const oldIds = Object.keys(snapshot.values).filter((k) => /^c\d+-outcome$/.test(k)).map((k) => k.replace('-outcome', ''));
  const newIds = [...document.querySelectorAll('#casualties .casualty [data-name=outcome]')].map((e) => e.id.replace('-outcome', ''));
  for (const [id, value] of Object.entries(snapshot.values)) {
    const m = /^(c\d+)(-.*)$/.exec(id);
    const target = m ? $(newIds[oldIds.indexOf(m[1])] + m[2]) : $(id);
    if (target) {
      target.type === 'checkbox' ? (target.checked = value) : (target.value = value);
    }
  }
  document.querySelectorAll('#f-inducements input').forEach((c) => { c.checked = snapshot.checks.includes(c.value); });
  position = snapshot.position;
  showDateInputs();
  $('armed-details').hidden = !$('f-armed').checked;
  renderPosition();
  return new Map(oldIds.map((old, i) => [old, newIds[i]]));
}
function resetForm() {
  $('report-form').reset();
  $('casualties').replaceChildren();
  position = null;
  renderPosition();
  showDateInputs();
  $('armed-details').hidden = true;
}

async function send(event) {
  event.preventDefault();
  if ($('send').disabled) {
    return;
  }
  $('send').disabled = true; // a second tap on a slow phone would queue the same report twice
  try {
    await sealAndQueue();
  } finally {
    $('send').disabled = false;
  }
}

async function sealAndQueue() {
  clearErrors();
  $('sent-note').hidden = true;
  const {errors, submission, layout} = readForm();
  if (errors.length) {
    errors.forEach(([field, message]) => showError(field, message));
    document.querySelector('#report-form [aria-invalid=true]')?.focus();
    return;
  }
  // the copy kept at open, sign-in and reconnection: a Send on a slow link does not wait on the network for it
  const jwk = (await meta.get('sealingKey')) || await sealingKey();
  if (!jwk) {
    showError('form', t('noKeyYet'));
    return;
  }
  const id = crypto.randomUUID();
  // the service takes the item only from the key that sealed it: a copy taken from the phone is no use with another
  const keyHash = await sha256Hex(accessKey);
  const sealed = await seal(jwk, padded({sealedFor: keyHash, ...submission}));
  const seq = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  // the Idempotency-Key is made now, once: every later attempt sends the same sealed bytes with it
  await queue.put({id, seq, at: Date.now(), idempotencyKey: crypto.randomUUID(), sealed, layout, state: 'queued'});
  forms.set(id, snapshotForm());
  resetForm();
  $('sent-note').textContent = t('queuedNote');
  $('sent-note').hidden = false;
  await renderQueue();
  sendQueue();
}

// ---- signing in, locking, wiping
async function signIn(event) {
  event.preventDefault();
  const key = $('f-key').value.trim();
  $('f-key-error').hidden = true;
  $('f-new-pin-error').hidden = true;
  if (!key) {
    return fieldError('f-key', t('keyNeeded'));
  }
  const pin = $('f-new-pin').value;
  if ($('f-remember').checked && !/^\d{6,}$/.test(pin)) {
    return fieldError('f-new-pin', t('pinShort'));
  }
  if (navigator.onLine) {
    $('f-key-error').textContent = t('keyChecking');
    $('f-key-error').hidden = false;
    const answer = await fetch(API, {headers: {Authorization: 'Bearer ' + key, Accept: 'application/json'},
      credentials: 'omit', cache: 'no-store'}).catch(() => null);
    $('f-key-error').hidden = true;
    if (answer && answer.status === 401) {
      return fieldError('f-key', t('keyRefused'));
    }
  }
  if ($('f-remember').checked) {
    await rememberUnderPin(key, pin);
  }
  $('f-key').value = '';
  $('f-new-pin').value = '';
  accessKey = key;
  await showSignedIn();
}
function fieldError(id, message) {
  $(id + '-error').textContent = message;
  $(id + '-error').hidden = false;
  $(id).setAttribute('aria-invalid', 'true');
  $(id).focus();
}
async function unlock(event) {
  event.preventDefault();
  const result = await unlockWithPin($('f-pin').value);
  $('f-pin').value = '';
  if (typeof result === 'string') {
    accessKey = result;
    $('f-pin-error').hidden = true;
    await showSignedIn();
  } else if (result.left <= 0) {
    await wipe(true);
  } else {
    fieldError('f-pin', t('wrongPin', {n: result.left}));
  }
}
async function showSignedIn() {
  for (const item of await queue.all()) {
    if (item.state === 'held') {
      await queue.put({...item, state: 'queued', problem: undefined}); // perhaps the key it was sealed for
    }
  }
  $('sign-in').hidden = true;
  $('unlock').hidden = true;
  $('report').hidden = false;
  $('lock').hidden = false;
  $('f-key').removeAttribute('aria-invalid');
  await renderQueue();
  loadPrisons();
  sealingKey();
  sendQueue();
}
/** The key was refused while a report may be half typed: ask for a key again, and keep the form as it is. */
async function askForKey(message) {
  accessKey = null;
  const locked = await meta.get('lockedKey');
  $('sign-in').hidden = !!locked;
  $('unlock').hidden = !locked;
  $('status').textContent = message;
  $('sign-in').scrollIntoView();
}

async function lock(message) {
  accessKey = null;
  resetForm();
  $('report').hidden = true;
  const locked = await meta.get('lockedKey');
  $('sign-in').hidden = !!locked;
  $('unlock').hidden = !locked;
  $('lock').hidden = true;
  if (message) {
    $('status').textContent = message;
  }
}

/** What this page holds in memory goes, and it shows only that nothing is kept. */
function forget() {
  wiped = true;
  accessKey = null;
  clearTimeout(retryTimer);
  forms.clear();
  sentThisSession.length = 0;
  position = null;
  document.querySelector('main').replaceChildren(Object.assign(document.createElement('p'),
      {id: 'wiped', textContent: t('wiped')}));
}

async function wipe(confirmed) {
  if (!confirmed && !confirm(t('wipeConfirm'))) {
    return;
  }
  forget();
  new BroadcastChannel(DB).postMessage('wipe'); // other tabs of this page forget what they hold too
  await deleteForGood();
  if (window.caches) {
    for (const name of await caches.keys()) {
      await caches.delete(name);
    }
  }
  if (navigator.serviceWorker) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      await registration.unregister();
    }
  }
  localStorage.clear();
  sessionStorage.clear();
  // the message shows at once, as the page's memory goes; this says that the phone's storage has gone too
  document.body.dataset.wiped = 'true';
}

// ---- the page's own behaviour
function showDateInputs() {
  const precision = $('f-precision').value;
  $('date-day').hidden = precision !== 'DAY';
  $('date-month').hidden = precision !== 'MONTH';
  $('date-year').hidden = precision !== 'YEAR';
  $('date-range').hidden = precision !== 'RANGE';
}
function showConnection() {
  $('status').textContent = navigator.onLine ? t('online') : t('offline');
}

async function start() {
  translate();
  showDateInputs();
  showConnection();
  $('lang').addEventListener('click', () => {
    lang = lang === 'en' ? 'my' : 'en';
    localStorage.setItem('lang', lang);
    translate();
    showConnection();
  });
  $('f-remember').addEventListener('change', () => { $('pin-choice').hidden = !$('f-remember').checked; });
  $('sign-in-form').addEventListener('submit', signIn);
  $('unlock-form').addEventListener('submit', unlock);
  $('report-form').addEventListener('submit', send);
  $('f-precision').addEventListener('change', showDateInputs);
  $('f-armed').addEventListener('change', () => { $('armed-details').hidden = !$('f-armed').checked; });
  $('add-casualty').addEventListener('click', () => addCasualty().querySelector('select').focus());
  $('add-position').addEventListener('click', () => {
    $('f-position-error').hidden = true;
    navigator.geolocation?.getCurrentPosition((p) => { position = p.coords; renderPosition(); },
        () => { $('f-position-error').textContent = t('positionFailed'); $('f-position-error').hidden = false; },
        {enableHighAccuracy: true, timeout: 30000});
  });
  $('remove-position').addEventListener('click', () => { position = null; renderPosition(); });
  $('lock').addEventListener('click', () => lock());
  $('wipe').addEventListener('click', () => wipe(false));
  window.addEventListener('online', () => {
    if (!wiped) {
      showConnection(); failures = 0; sealingKey(); loadPrisons(); sendQueue();
    }
  });
  window.addEventListener('offline', () => { if (!wiped) showConnection(); });
  new BroadcastChannel(DB).onmessage = (message) => { if (message.data === 'wipe') forget(); };
  onDeletedElsewhere(forget);

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js', {scope: './'}).catch(() => {});
  }
  if (navigator.storage?.persist) {
    const kept = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    $('storage-note').hidden = kept;
  }
  await lock();
  await renderQueue();
  sealingKey();
  document.body.dataset.ready = 'true';
}

start();
