// Convene's "Meetings" dashboard on Cockpit's start page: every meeting — running, finished,
// cancelled or stopped — with its phase, the days to it, its invitations, drafts in review,
// overdue tasks and incidents, read from GET /api/meetings (tracking/MeetingsApi) in the signed-in
// session. A running meeting links to its process instance in Cockpit; an ended one to its page
// and what it published. Every value is set as text (never as HTML).

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function days(row) {
  if (row.state !== 'RUNNING') {
    return '';
  }
  const d = row.daysToMeeting;
  if (d > 1) return 'in ' + d + ' days';
  if (d === 1) return 'tomorrow';
  if (d === 0) return 'today';
  return 'began ' + (-d) + (d === -1 ? ' day ago' : ' days ago');
}

function stands(row) {
  if (row.state === 'RUNNING') {
    return row.phaseLabel || 'Running';
  }
  const when = row.endedAt ? ' ' + row.endedAt.substring(0, 10) : '';
  return row.stateLabel + when + (row.endReason && row.state !== 'FINISHED' ? ': ' + row.endReason : '');
}

function count(value, cssClass) {
  return value > 0 ? el('span', {class: cssClass}, value) : el('span', {class: 'text-muted'}, value);
}

function row(meeting) {
  const i = meeting.invitations;
  const running = meeting.state === 'RUNNING' && meeting.processInstanceId;
  const link = running
      ? el('a', {href: '#/process-instance/' + encodeURIComponent(meeting.processInstanceId) + '/runtime',
                 class: 'convene-meeting-link', 'data-code': meeting.code}, meeting.title)
      : el('a', {href: '/meetings/' + encodeURIComponent(meeting.code), class: 'convene-meeting-link',
                 'data-code': meeting.code}, meeting.title);
  const title = el('td', {}, link, el('br'), el('small', {class: 'text-muted'}, meeting.code + ' · ' + meeting.place + ' · ' + meeting.dates));
  if (!running) {
    title.append(' ', el('a', {href: '/meetings/' + encodeURIComponent(meeting.code) + '/documents'}, 'documents'));
  }
  return el('tr', {'data-code': meeting.code, class: 'convene-' + meeting.state.toLowerCase()},
      title,
      el('td', {class: 'convene-phase'}, stands(meeting)),
      el('td', {class: 'convene-days'}, days(meeting)),
      el('td', {class: 'convene-invitations', title: 'invited / accepted / declined / pending' + (i.lapsed ? ' (' + i.lapsed + ' lapsed)' : '')},
          i.invited + ' / ' + i.accepted + ' / ' + i.declined + ' / ' + i.pending),
      el('td', {class: 'convene-drafts'}, count(meeting.draftsInReview, '')),
      el('td', {class: 'convene-overdue'}, count(meeting.overdueTasks, 'text-danger')),
      el('td', {class: 'convene-incidents'}, count(meeting.incidents, 'text-danger')));
}

async function draw(node) {
  const section = el('section', {id: 'convene-meetings', class: 'dashboard-section'});
  section.append(el('h3', {class: 'section-title'}, 'Meetings'));
  node.append(section);
  let answer;
  try {
    const response = await fetch('/api/meetings', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    answer = response.ok ? await response.json() : {problem: (await response.json().catch(() => ({}))).message || response.statusText};
  } catch (e) {
    answer = {problem: String(e)};
  }
  if (answer.problem) {
    section.append(el('p', {class: 'text-danger'}, 'The meetings could not be read: ' + answer.problem));
    return;
  }
  if (answer.meetings.length === 0) {
    section.append(el('p', {class: 'text-muted'}, 'No meeting has been started yet.'));
    return;
  }
  const head = el('tr', {}, ...['Meeting', 'Phase', 'Meeting days', 'Invitations (invited / accepted / declined / pending)',
    'Drafts in review', 'Overdue tasks', 'Incidents'].map(h => el('th', {}, h)));
  section.append(el('table', {class: 'cam-table convene-meetings'}, el('thead', {}, head),
      el('tbody', {}, ...answer.meetings.map(row))));
}

export default [{
  id: 'convene.meetings',
  pluginPoint: 'cockpit.dashboard',
  // above Cockpit's own sections
  priority: 100,
  render: (node) => { draw(node); }
}];
