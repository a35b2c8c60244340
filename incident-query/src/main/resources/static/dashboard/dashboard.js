// The dashboard reads the public API only, with the key the viewer types (kept for this browser tab only).
'use strict';

const KEY = 'incident-learning-key';
// A wall screen stays readable: the busiest keys are drawn and listed, the rest counted.
const CHARTED = 12;
const LISTED = 24;
const charts = {};
let streams = [];

function headers(extra) {
  return Object.assign({ Authorization: 'Bearer ' + sessionStorage.getItem(KEY) }, extra || {});
}

async function read(path) {
  const answer = await fetch(path, { headers: headers() });
  if (!answer.ok) {
    throw new Error(path + ' answered ' + answer.status);
  }
  return answer.json();
}

function status(text) {
  document.getElementById('live-status').textContent = text;
}

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init(document.getElementById(id));
    window.addEventListener('resize', () => charts[id].resize());
  }
  return charts[id];
}

function showHotspots(view) {
  const element = document.getElementById('hotspots');
  element.dataset.series = String(view.series.length);
  chart('hotspots').setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: view.window },
    yAxis: { type: 'value', minInterval: 1 },
    series: view.series.slice(0, CHARTED).map(series => {
      const byBucket = Object.fromEntries(series.points.map(point => [point.bucket, point.incidents]));
      return { name: series.key, type: 'bar', stack: 'incidents', emphasis: { focus: 'series' },
               data: view.window.map(bucket => byBucket[bucket] || 0) };
    })
  }, true);
  const keys = document.getElementById('hotspot-keys');
  const items = view.series.slice(0, LISTED).map(series => {
    const item = document.createElement('li');
    item.textContent = series.key + ': ' + series.incidents + (series.trend === 'RISING' ? ' (rising)' : '');
    if (series.trend === 'RISING') {
      item.className = 'rising';
    }
    return item;
  });
  if (view.series.length > LISTED) {
    const more = document.createElement('li');
    more.textContent = 'and ' + (view.series.length - LISTED) + ' more';
    items.push(more);
  }
  keys.replaceChildren(...items);
}

function showMap(graph) {
  const element = document.getElementById('map');
  element.dataset.nodes = String(graph.nodes.length);
  element.dataset.edges = String(graph.edges.length);
  chart('map').setOption({
    tooltip: {
      formatter: item => item.dataType === 'edge'
        ? item.data.kind + ': ' + item.data.source + ' → ' + item.data.target + '<br>revealed by '
          + item.data.discoveredIn.join(', ')
        : item.data.name + ' (' + item.data.kind.toLowerCase() + ')'
    },
    legend: { data: ['COMPONENT', 'TEAM'], top: 0 },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 180, edgeLength: 90 },
      categories: [{ name: 'COMPONENT' }, { name: 'TEAM' }],
      label: { show: true, position: 'right' },
      edgeSymbol: ['none', 'arrow'],
      data: graph.nodes.map(node => ({ name: node.id, kind: node.kind, category: node.kind,
                                       symbolSize: 10 + Math.min(node.edges, 10) * 3 })),
      links: graph.edges.map(edge => ({ source: edge.from, target: edge.to, kind: edge.kind,
                                        discoveredIn: edge.discoveredIn,
                                        lineStyle: { type: edge.kind === 'SOCIAL' ? 'dashed' : 'solid' } }))
    }]
  }, true);
}

async function showTeam(team) {
  const context = await read('/api/teams/' + encodeURIComponent(team) + '/context');
  const panel = document.getElementById('team');
  const title = document.createElement('h3');
  title.textContent = team;
  const facts = document.createElement('ul');
  const lines = [
    context.incidents.length + ' incidents',
    context.mentalModels.length + ' mental models recorded',
    context.divergences.length + ' divergences involving its models',
    context.contexts.length + ' pressures and other context',
    Object.entries(context.remediationsByState).map(([state, count]) => count + ' ' + state.toLowerCase())
      .join(', ') || 'no remediations'
  ];
  facts.replaceChildren(...lines.map(line => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  }));
  panel.replaceChildren(title, facts);
  panel.dataset.team = team;
}

async function showLedger() {
  const page = await read('/api/remediations?state=DECLINED&size=100');
  const body = document.querySelector('#ledger tbody');
  body.replaceChildren(...page.items.map(item => {
    const row = document.createElement('tr');
    [item.description, item.team, item.incidentTitle || item.incidentId, item.acceptedRisk, item.revisitBy || '—',
     String(item.recurrences)].forEach(text => {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    });
    return row;
  }));
}

// Server-Sent Events through fetch: EventSource cannot send the Authorization header.
function follow(path, show) {
  const controller = new AbortController();
  let lastId = null;
  async function connect() {
    try {
      const answer = await fetch(path, { headers: headers(lastId ? { 'Last-Event-ID': lastId } : {}),
                                         signal: controller.signal });
      if (!answer.ok) {
        throw new Error(path + ' answered ' + answer.status);
      }
      status('Live');
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let data = '';
          for (const line of message.split('\n')) {
            if (line.startsWith('id:')) {
              lastId = line.slice(3).trim();
            } else if (line.startsWith('data:')) {
              data += line.slice(5);
            }
          }
          if (data) {
            show(JSON.parse(data));
            const live = document.getElementById('live-status');
            live.dataset.updates = String(Number(live.dataset.updates) + 1);
          }
        }
      }
    } catch (failure) {
      if (controller.signal.aborted) {
        return;
      }
      status('Reconnecting: ' + failure.message);
    }
    setTimeout(connect, 3000);
  }
  connect();
  return controller;
}

async function start() {
  streams.forEach(stream => stream.abort());
  const by = document.getElementById('by').value;
  const bucket = document.getElementById('bucket').value;
  try {
    showHotspots(await read('/api/hotspots?by=' + by + '&bucket=' + bucket));
    showMap(await read('/api/map'));
    await showLedger();
  } catch (failure) {
    status(failure.message);
    return;
  }
  streams = [
    follow('/api/stream/hotspots?by=' + by + '&bucket=' + bucket, showHotspots),
    follow('/api/stream/map', graph => { showMap(graph); showLedger(); })
  ];
}

document.getElementById('login').addEventListener('submit', event => {
  event.preventDefault();
  const key = document.getElementById('key').value.trim();
  if (key) {
    sessionStorage.setItem(KEY, key);
  }
  start();
});

chart('map').on('click', item => {
  if (item.dataType === 'node' && item.data.kind === 'TEAM') {
    showTeam(item.data.name);
  }
});

if (sessionStorage.getItem(KEY)) {
  start();
}
