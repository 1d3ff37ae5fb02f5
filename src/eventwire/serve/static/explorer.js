// eventwire explorer: plain JavaScript over the server's JSON API, no build step and no library.
// The URL's query string is the whole state (view, filters, selection), so any view can be
// bookmarked or shared; every change goes through go(), which pushes the URL and re-renders.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
// Cooperative types in greens and blues, conflictual ones in oranges and reds, in PLOVER's order.
const TYPE_COLOURS = ["#1a9850", "#4393c3", "#2166ac", "#5aae61", "#35978f", "#01665e", "#7b3294",
  "#8073ac", "#e08214", "#b35806", "#d6604d", "#c51b7d", "#9e0142", "#d73027", "#a50026", "#67001f"];
const QUAD_COLOURS = { 1: "#a6dba0", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b" };
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const FILTERS = ["since", "until", "actor", "country", "source", "target", "type", "goldstein_min",
  "goldstein_max", "place", "q", "modality", "negated", "min_confidence"];
const EXPORTS = ["jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "icews", "polecat", "plover"];
const PAGE = 50;
const SVG = "http://www.w3.org/2000/svg";

const $ = (selector) => document.querySelector(selector);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) =>
  ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const typeColour = (plover) => TYPE_COLOURS[PLOVER.indexOf(plover)] || "#777";
const current = () => new URLSearchParams(location.search);

function go(params, replace = false) {
  const url = "?" + params.toString();
  history[replace ? "replaceState" : "pushState"]({}, "", url);
  return render();
}

async function api(path, params) {
  const query = params && params.toString();
  const response = await fetch(query ? `${path}?${query}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

// ---- filters: the form and the URL say the same thing ------------------------------------

function filterParams(params) {
  const kept = new URLSearchParams();
  for (const name of [...FILTERS, "quad"]) for (const value of params.getAll(name)) if (value) kept.append(name, value);
  return kept;
}

function fillFilters(params) {
  const form = $("#filters");
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  const quads = params.getAll("quad");
  for (const box of form.querySelectorAll("input[name=quad]")) box.checked = quads.includes(box.value);
}

function submitFilters(event) {
  event.preventDefault();
  const params = current();
  for (const name of [...FILTERS, "quad", "offset", "pick_place", "pick_country", "edge_source", "edge_target"]) params.delete(name);
  const form = new FormData($("#filters"));
  for (const [name, value] of form.entries()) if (value) params.append(name, value);
  if (!params.get("view") || ["article", "paste"].includes(params.get("view"))) params.set("view", "events");
  go(params);
}

// ---- shared pieces -----------------------------------------------------------------------

function sideLabel(actorsJson, countries) {
  const actors = typeof actorsJson === "string" ? JSON.parse(actorsJson || "[]") : actorsJson || [];
  if (!actors.length) return (countries || []).join("+") || "—";
  return actors.map((a) => `${a.name || a.text}${a.country ? " (" + a.country + (a.sector ? " " + a.sector : "") + ")" : ""}`).join(" + ");
}

function typeChip(plover, mode) {
  return `<span class="chip" style="background:${typeColour(plover)}">${esc(plover)}</span>${mode ? " <small>" + esc(mode) + "</small>" : ""}`;
}

function eventRow(e) {
  const flags = (e.negated ? '<span class="flag">negated</span>' : "") +
    (e.modality && e.modality !== "asserted" ? `<span class="flag">${esc(e.modality)}</span>` : "");
  const sentence = (e.sentence_text || "").trim();
  return `<tr data-article="${esc(e.root_article_id)}" data-sentence="${e.root_sentence ?? ""}" data-event="${e.event_id}">
    <td>${esc(e.day || "")}</td><td>${esc(sideLabel(e.source_json, e.source_countries))}</td>
    <td>${typeChip(e.plover, e.mode)}${flags}<br><small>CAMEO ${esc(e.cameo)}</small></td>
    <td>${esc(sideLabel(e.target_json, e.target_countries))}</td><td>${e.goldstein ?? ""}</td><td>${e.quad ?? ""}</td>
    <td>${esc(e.location_name || "")}</td><td>${e.num_mentions} / ${e.num_articles}</td>
    <td class="sentence">${esc(sentence.length > 220 ? sentence.slice(0, 220) + "…" : sentence)}</td></tr>`;
}

function linkRows(tbody) {
  for (const row of tbody.querySelectorAll("tr[data-article]")) {
    row.onclick = () => go(new URLSearchParams({ view: "article", id: row.dataset.article,
      sentence: row.dataset.sentence, event: row.dataset.event }));
  }
}

const LIST_HEAD = "<thead><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>Goldstein</th>" +
  "<th>quad</th><th>place</th><th>reports</th><th>sentence</th></tr></thead>";

async function showEventList(container, queries) {
  // Several queries (a dyad in both directions) are merged, most recent first.
  const pages = await Promise.all(queries.map((q) => api("/events", new URLSearchParams({ ...Object.fromEntries(q), limit: 200 }))));
  const events = pages.flatMap((p) => p.items).sort((a, b) => String(b.day).localeCompare(String(a.day)));
  container.innerHTML = `<table class="events list">${LIST_HEAD}<tbody>${events.map(eventRow).join("")}</tbody></table>` +
    (events.length ? "" : '<p class="hint">no events</p>');
  linkRows(container.querySelector("tbody"));
  return events.length;
}

// ---- events table ------------------------------------------------------------------------

async function renderEvents(params) {
  const query = filterParams(params);
  const sort = params.get("sort") || "-date";
  const offset = Number(params.get("offset") || 0);
  const page = await api("/events", new URLSearchParams([...query, ["sort", sort], ["limit", PAGE], ["offset", offset]]));
  const body = $("#events-table tbody");
  body.innerHTML = page.items.map(eventRow).join("");
  linkRows(body);
  const last = Math.min(offset + PAGE, page.total);
  $("#events-count").textContent = page.total ? `${offset + 1}–${last} of ${page.total} events` : "no events";
  $("#prev").disabled = offset === 0;
  $("#next").disabled = last >= page.total;
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.className = sort.replace("-", "") === th.dataset.sort ? (sort.startsWith("-") ? "sorted-desc" : "sorted-asc") : "";
  }
  updateExportLink();
}

function pageBy(step) {
  const params = current();
  params.set("offset", Math.max(0, Number(params.get("offset") || 0) + step * PAGE));
  go(params);
}

function sortBy(key) {
  const params = current();
  params.set("sort", params.get("sort") === key ? "-" + key : key);
  params.delete("offset");
  go(params);
}

function updateExportLink() {
  const query = filterParams(current());
  query.set("format", $("#export-format").value);
  $("#export-link").href = "/events/export?" + query;
}

// ---- article view ------------------------------------------------------------------------

function eventTitle(e) {
  const lines = [`${e.plover}${e.mode ? "/" + e.mode : ""}  CAMEO ${e.cameo}  Goldstein ${e.goldstein}  quad ${e.quad}`,
    `confidence ${e.confidence}, ${e.modality}${e.negated ? ", negated" : ""}`,
    `source: ${sideLabel(e.source)}`, `target: ${sideLabel(e.target)}`];
  if (e.date) lines.push(`date: ${e.date} (${e.date_precision})`);
  if (e.location) lines.push(`place: ${e.location.name}${e.location.country ? " (" + e.location.country + ")" : ""}`);
  if (e.reported_by && e.reported_by.length) lines.push(`reported by: ${sideLabel(e.reported_by)}`);
  return lines.join("\n");
}

function spansOf(article) {
  const spans = [];
  for (const m of article.mentions || []) spans.push({ start: m.start, end: m.end, kind: "actor",
    title: `${m.name || m.text}${m.country ? " — " + m.country : ""}${m.sector ? " " + m.sector : ""}${m.kind ? " (" + m.kind + ")" : ""}` });
  article.events.forEach((e, i) => spans.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger",
    title: eventTitle(e), colour: typeColour(e.plover), index: i }));
  for (const q of article.quotes) spans.push({ start: q.start, end: q.end, kind: "quote",
    title: `quote of ${q.speaker ? sideLabel([q.speaker]) : "an unknown speaker"} (${q.cue || "no cue"}, ${q.direct ? "direct" : "indirect"})` +
      (q.reported_by.length ? `\nreported by ${sideLabel(q.reported_by)}` : "") });
  return spans;
}

function markUp(text, start, end, spans) {
  // Cut the sentence wherever a span starts or ends; each piece is wrapped by the spans covering it.
  const inside = spans.filter((s) => s.end > start && s.start < end);
  const cuts = [...new Set([start, end, ...inside.flatMap((s) => [s.start, s.end])])]
    .filter((c) => c >= start && c <= end).sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    let piece = esc(text.slice(a, b));
    for (const kind of ["trigger", "actor", "quote"]) {
      const span = inside.find((s) => s.kind === kind && s.start <= a && s.end >= b);
      if (!span) continue;
      const style = span.colour ? ` style="background:${span.colour}"` : "";
      const data = span.index !== undefined ? ` data-event-index="${span.index}"` : "";
      piece = `<span class="${kind}"${style}${data} data-tip="${esc(span.title)}">${piece}</span>`;
    }
    html += piece;
  }
  return html;
}

function showArticle(article, focusSentence, focusEvent) {
  const spans = spansOf(article);
  const sentences = article.sentences.map((s, i) => ({ index: s.sentence ?? s.index ?? i, start: s.start, end: s.end }));
  const body = sentences.map((s) => `<span class="sent" id="sent-${s.index}">${markUp(article.text, s.start, s.end, spans)}</span>`);
  const meta = [article.publisher, article.date, article.id].filter(Boolean).map(esc).join(" · ");
  $("#article").innerHTML = `<h2>${esc(article.title || "(untitled)")}</h2><div class="meta">${meta}</div>${body.join("")}`;
  $("#article-events").innerHTML = `<h3>${article.events.length} coded event(s)</h3>` + article.events.map((e, i) =>
    `<div class="event" data-index="${i}" data-sentence="${e.sentence}" style="border-left-color:${typeColour(e.plover)}">
      ${typeChip(e.plover, e.mode)} <small>CAMEO ${esc(e.cameo)} · Goldstein ${e.goldstein} · quad ${e.quad} · conf. ${e.confidence}</small>
      ${e.negated ? '<span class="flag">negated</span>' : ""}${e.modality !== "asserted" ? `<span class="flag">${esc(e.modality)}</span>` : ""}
      <div>${esc(sideLabel(e.source))} → ${esc(sideLabel(e.target))}</div>
      <small>${esc(e.date || "")} ${esc(e.location ? e.location.name : "")}${e.reported_by.length ? " · reported by " + esc(sideLabel(e.reported_by)) : ""}</small></div>`).join("");
  $("#article-empty").hidden = true;
  for (const card of document.querySelectorAll("#article-events .event")) {
    card.onclick = () => focusOn(card.dataset.sentence, card.dataset.index);
  }
  // A reciprocal event links to both its directed halves; a pasted article's events link to none.
  const eventIndex = article.events.findIndex((e) => (e.event_ids ?? [e.event_id]).some((id) => String(id) === String(focusEvent)));
  if (focusSentence !== null || eventIndex >= 0) focusOn(focusSentence, eventIndex >= 0 ? eventIndex : null);
}

function focusOn(sentence, eventIndex) {
  for (const node of document.querySelectorAll(".sent.focus, #article-events .event.focus")) node.classList.remove("focus");
  const target = document.getElementById(`sent-${sentence}`);
  if (target) { target.classList.add("focus"); target.scrollIntoView({ block: "center" }); }
  const card = document.querySelector(`#article-events .event[data-index="${eventIndex}"]`);
  if (card) card.classList.add("focus");
}

async function renderArticle(params) {
  if (params.get("pasted")) {
    const pasted = JSON.parse(sessionStorage.getItem("eventwire-pasted") || "null");
    if (pasted) showArticle(pasted, null, null);
    return;
  }
  const id = params.get("id");
  $("#article-empty").hidden = Boolean(id);
  if (!id) { $("#article").innerHTML = ""; $("#article-events").innerHTML = ""; return; }
  const article = await api(`/articles/${encodeURIComponent(id)}`);
  sessionStorage.setItem("eventwire-last-article", location.search);
  showArticle(article, params.get("sentence"), params.get("event"));
}

function showTip(event) {
  // One tooltip for the article's spans: the innermost span under the pointer says what it is.
  const tip = $("#tip");
  const span = event.target.closest("[data-tip]");
  if (!span) { tip.hidden = true; return; }
  tip.textContent = span.dataset.tip;
  tip.hidden = false;
  const box = span.getBoundingClientRect();
  tip.style.left = `${Math.min(box.left, window.innerWidth - 380)}px`;
  tip.style.top = `${box.bottom + 6}px`;
}

// ---- paste box ---------------------------------------------------------------------------

async function codePasted() {
  const text = $("#paste-text").value;
  const record = { text, date: $("#paste-date").value || undefined, title: $("#paste-title").value || undefined };
  const keep = $("#paste-keep").checked;
  const headers = { "Content-Type": "application/json" };
  if ($("#paste-token").value) headers.Authorization = "Bearer " + $("#paste-token").value;
  $("#paste-status").textContent = "coding…";
  const response = await fetch(keep ? "/articles" : "/extract/sentences", {
    method: "POST", headers, body: JSON.stringify({ articles: [record] }) });
  const body = await response.json();
  if (!response.ok) { $("#paste-status").textContent = typeof body.detail === "string" ? body.detail : "request failed"; return; }
  if (keep) { go(new URLSearchParams({ view: "article", id: body.stored[0].id })); return; }
  const coded = body[0];
  if (coded.error) { $("#paste-status").textContent = coded.error.message; return; }
  const article = { ...coded, text, title: record.title || "Pasted article", date: record.date, mentions: [] };
  sessionStorage.setItem("eventwire-pasted", JSON.stringify(article));
  $("#paste-status").textContent = "";
  go(new URLSearchParams({ view: "article", pasted: "1" }));
}

// ---- dyad timeline -----------------------------------------------------------------------

function svgElement(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function withTitle(node, text) {
  svgElement("title", {}, node).textContent = text;
  return node;
}

async function renderTimeline(params) {
  let [source, target] = [params.get("source"), params.get("target")];
  if (!source || !target) {
    // No dyad asked for: start from the most active one, so the view is never empty.
    const top = (await api("/network", new URLSearchParams({ limit: 1 }))).edges[0];
    if (!top) { $("#timeline-chart").innerHTML = '<p class="hint">no dyads in the store</p>'; return; }
    params.set("source", top.source); params.set("target", top.target);
    return go(params, true);
  }
  const form = $("#dyad-form");
  form.elements.source.value = source; form.elements.target.value = target;
  form.elements.by.value = params.get("by") || "month";
  form.elements.both.checked = params.get("both") === "1";
  const query = new URLSearchParams({ by: form.elements.by.value, both: form.elements.both.checked });
  const series = await api(`/dyads/${encodeURIComponent(source)}/${encodeURIComponent(target)}/timeseries`, query);
  drawTimeline(withEmptyPeriods(series.periods, form.elements.by.value), params.get("period"));
  await showPeriod(params, series.periods);
}

function nextStart(day, by) {
  const d = new Date(day + "T00:00:00Z");
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function withEmptyPeriods(periods, by) {
  // The API lists periods that have events; a timeline shows the quiet ones too, as gaps.
  if (!periods.length) return periods;
  const known = new Map(periods.map((p) => [p.start, p]));
  const filled = [];
  for (let day = periods[0].start; day <= periods[periods.length - 1].start && filled.length < 600; day = nextStart(day, by)) {
    filled.push(known.get(day) || { start: day, end: day, events: 0, quad1: 0, quad2: 0, quad3: 0, quad4: 0, mean_goldstein: null });
  }
  return filled.length < 600 ? filled : periods;
}

function drawTimeline(periods, picked) {
  const [height, left, bottom, top] = [300, 44, 40, 15];
  const band = Math.max(4, Math.min(60, 820 / Math.max(periods.length, 1)));
  const right = left + periods.length * band;
  const width = Math.max(right + 40, 420);
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", style: `max-width:${width * 1.4}px` });
  const most = Math.max(1, ...periods.map((p) => p.events));
  const y = (count) => height - bottom - (count / most) * (height - bottom - top);
  const g = (score) => height - bottom - ((score + 10) / 20) * (height - bottom - top);
  svgElement("line", { x1: left, x2: right, y1: g(0), y2: g(0), stroke: "#ccc", "stroke-dasharray": "4 3" }, svg);
  for (const count of [...new Set([0, Math.round(most / 2), most])]) {
    svgElement("text", { x: left - 6, y: y(count) + 4, "text-anchor": "end", "font-size": 10 }, svg).textContent = count;
  }
  const every = Math.ceil(periods.length / 10);
  periods.forEach((p, i) => drawBar(svg, p, { left: left + i * band, band, y, top, picked, labelAt: i % every === 0 ? height - bottom + 14 : null }));
  const dots = periods.map((p, i) => [left + (i + 0.5) * band, p.mean_goldstein]).filter(([, score]) => score !== null);
  svgElement("polyline", { points: dots.map(([x, score]) => `${x},${g(score)}`).join(" "), fill: "none", stroke: "#333", "stroke-width": 1.5 }, svg);
  for (const [x, score] of dots) svgElement("circle", { cx: x, cy: g(score), r: 3, fill: "#333" }, svg);
  svgElement("text", { x: right + 4, y: g(10) + 4, "font-size": 10 }, svg).textContent = "+10";
  svgElement("text", { x: right + 4, y: g(0) + 4, "font-size": 10 }, svg).textContent = "0";
  svgElement("text", { x: right + 4, y: g(-10), "font-size": 10 }, svg).textContent = "−10";
  $("#timeline-chart").replaceChildren(svg);
  $("#quad-legend").innerHTML = "events per period: " + [1, 2, 3, 4].map((q) => `<i style="background:${QUAD_COLOURS[q]}"></i>${QUAD_NAMES[q]}`).join(" ") +
    ' <i style="background:#333;height:2px"></i>mean Goldstein (right scale, −10 to +10)';
}

function drawBar(svg, p, { left, band, y, top, picked, labelAt }) {
  const x = left + band * 0.1;
  const bar = svgElement("g", { class: "bar", "data-start": p.start }, svg);
  // An invisible full-height target, so that short bars (and empty periods) are easy to click.
  svgElement("rect", { x: left, width: band, y: top, height: y(0) - top, fill: "transparent" }, bar);
  let base = 0;
  for (const quad of [1, 2, 3, 4]) {
    const count = p["quad" + quad];
    if (!count) continue;
    svgElement("rect", { x, width: band * 0.8, y: y(base + count), height: y(base) - y(base + count),
      fill: QUAD_COLOURS[quad], stroke: p.start === picked ? "#000" : "none" }, bar);
    base += count;
  }
  withTitle(bar, `${p.start} – ${p.end}: ${p.events} event(s), mean Goldstein ${p.mean_goldstein ?? "—"}\n` +
    [1, 2, 3, 4].map((q) => `${QUAD_NAMES[q]}: ${p["quad" + q]}`).join("\n"));
  if (p.events) bar.onclick = () => { const params = current(); params.set("period", p.start); go(params); };
  if (labelAt !== null) svgElement("text", { x: left + band / 2, y: labelAt, "text-anchor": "middle", "font-size": 10 }, svg).textContent = p.start;
}

async function showPeriod(params, periods) {
  const period = periods.find((p) => p.start === params.get("period"));
  $("#timeline-picked").textContent = period ? `Events from ${period.start} to ${period.end}` : "Click a bar for its events";
  if (!period) { $("#timeline-events").innerHTML = ""; return; }
  const [source, target] = [params.get("source"), params.get("target")];
  const queries = [new URLSearchParams({ source, target, since: period.start, until: period.end })];
  if (params.get("both") === "1") queries.push(new URLSearchParams({ source: target, target: source, since: period.start, until: period.end }));
  await showEventList($("#timeline-events"), queries);
}

function submitDyad(event) {
  event.preventDefault();
  const form = $("#dyad-form");
  const params = new URLSearchParams({ view: "timeline", source: form.elements.source.value.trim(),
    target: form.elements.target.value.trim(), by: form.elements.by.value });
  if (form.elements.both.checked) params.set("both", "1");
  go(params);
}

// ---- actor network -----------------------------------------------------------------------

function layout(nodes, edges, width, height) {
  // A small force layout, started from a circle so that it is the same on every load.
  const position = new Map(nodes.map((n, i) => [n, {
    x: width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / nodes.length),
    y: height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / nodes.length) }]));
  const ideal = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.6;
  for (let step = 0; step < 250; step++) {
    const force = new Map(nodes.map((n) => [n, { x: 0, y: 0 }]));
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const [pa, pb] = [position.get(a), position.get(b)];
      const dx = pa.x - pb.x, dy = pa.y - pb.y, d = Math.max(Math.hypot(dx, dy), 1);
      force.get(a).x += (dx / d) * (ideal * ideal) / d; force.get(a).y += (dy / d) * (ideal * ideal) / d;
    }
    for (const e of edges) {
      if (e.source === e.target) continue;
      const [ps, pt] = [position.get(e.source), position.get(e.target)];
      const dx = ps.x - pt.x, dy = ps.y - pt.y, d = Math.max(Math.hypot(dx, dy), 1), pull = (d * d) / ideal;
      force.get(e.source).x -= (dx / d) * pull; force.get(e.source).y -= (dy / d) * pull;
      force.get(e.target).x += (dx / d) * pull; force.get(e.target).y += (dy / d) * pull;
    }
    const cool = 20 * (1 - step / 250) + 1;
    for (const n of nodes) {
      const p = position.get(n), f = force.get(n), size = Math.max(Math.hypot(f.x, f.y), 1);
      p.x = Math.min(width - 60, Math.max(60, p.x + (f.x / size) * Math.min(size, cool)));
      p.y = Math.min(height - 30, Math.max(30, p.y + (f.y / size) * Math.min(size, cool)));
    }
  }
  return position;
}

function edgeColour(e) {
  return e.cooperation > e.conflict ? "#2e8b57" : e.conflict > e.cooperation ? "#c0392b" : "#888";
}

async function renderNetwork(params) {
  const level = params.get("level") || "country";
  $("#network-level").value = level;
  const query = new URLSearchParams([...filterParams(params), ["level", level], ["limit", 150]]);
  const { edges } = await api("/network", query);
  const [width, height] = [900, 560];
  const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const position = layout(nodes, edges, width, height);
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  for (const e of edges) drawEdge(svg, e, position, params);
  const degree = (n) => edges.filter((e) => e.source === n || e.target === n).reduce((s, e) => s + e.events, 0);
  for (const n of nodes) {
    const p = position.get(n);
    const node = svgElement("g", { class: "node", "data-node": n }, svg);
    // A node opens the events table filtered on that actor (the network's filters kept).
    node.onclick = () => { const q = filterParams(current()); q.set(level === "actor" ? "actor" : "country", n); q.set("view", "events"); go(q); };
    withTitle(svgElement("circle", { cx: p.x, cy: p.y, r: 5 + 2 * Math.sqrt(degree(n)), fill: "#1f3a5f" }, node), `${n}: ${degree(n)} event(s)`);
    svgElement("text", { x: p.x + 9, y: p.y - 8 }, node).textContent = n;
  }
  $("#network-chart").replaceChildren(svg);
  if (!edges.length) $("#network-chart").innerHTML = '<p class="hint">no events with both sides known</p>';
  await showEdge(params);
}

function drawEdge(svg, e, position, params) {
  const [s, t] = [position.get(e.source), position.get(e.target)];
  const width = 1 + 2 * Math.log2(1 + e.events);
  let d;
  if (e.source === e.target) {
    d = `M ${s.x} ${s.y} c 30 -40 60 0 0 0`;  // a loop: events within one country or actor
  } else {
    // Bend each edge to its left, so that A→B and B→A are two visible curves.
    const mx = (s.x + t.x) / 2 - (t.y - s.y) * 0.15, my = (s.y + t.y) / 2 + (t.x - s.x) * 0.15;
    d = `M ${s.x} ${s.y} Q ${mx} ${my} ${t.x} ${t.y}`;
  }
  const picked = params.get("edge_source") === e.source && params.get("edge_target") === e.target;
  const path = svgElement("path", { d, class: "edge", stroke: edgeColour(e), "stroke-width": picked ? width + 3 : width,
    "stroke-opacity": 0.75, "data-source": e.source, "data-target": e.target }, svg);
  withTitle(path, `${e.source} → ${e.target}: ${e.events} event(s), ${e.cooperation} cooperation, ${e.conflict} conflict, mean Goldstein ${e.mean_goldstein}`);
  path.onclick = () => { const p = current(); p.set("edge_source", e.source); p.set("edge_target", e.target); go(p); };
}

async function showEdge(params) {
  const [source, target] = [params.get("edge_source"), params.get("edge_target")];
  $("#network-picked").textContent = source ? `Events ${source} → ${target}` : "Click an edge for its events";
  if (!source) { $("#network-events").innerHTML = ""; return; }
  const query = filterParams(params);
  query.set("source", source); query.set("target", target);
  await showEventList($("#network-events"), [query]);
}

// ---- map ---------------------------------------------------------------------------------

let world = null;

async function renderMap(params) {
  world = world || (await api("/static/world.json"));
  const found = await api("/places", filterParams(params));
  const [width, height, north, south] = [960, 440, 84, -58];
  const x = (lon) => ((lon + 180) / 360) * width;
  const y = (lat) => ((north - lat) / (north - south)) * height;
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  const byCountry = new Map(found.countries.map((c) => [c.country, c.events]));
  const most = Math.max(1, ...byCountry.values());
  for (const [code, country] of Object.entries(world.countries)) {
    if (code === "ATA") continue;  // below the map's southern edge
    const d = country.rings.map((ring) => {
      // A ring crossing the date line (Chukotka, Fiji) is drawn east of 180°, past the map's edge.
      let crosses = false;
      for (let i = 2; i < ring.length; i += 2) crosses ||= Math.abs(ring[i] - ring[i - 2]) > 180;
      let path = "";
      for (let i = 0; i < ring.length; i += 2) {
        const lon = crosses && ring[i] < 0 ? ring[i] + 360 : ring[i];
        path += `${i ? "L" : "M"}${x(lon).toFixed(1)},${y(ring[i + 1]).toFixed(1)}`;
      }
      return path + "Z";
    }).join("");
    const count = byCountry.get(code) || 0;
    const shade = count ? `rgba(31, 58, 95, ${0.15 + 0.55 * Math.sqrt(count / most)})` : null;
    const outline = svgElement("path", { d, class: "country", "data-country": code, ...(shade ? { style: `fill:${shade}` } : {}) }, svg);
    withTitle(outline, `${country.name}: ${count} event(s) located here`);
    outline.onclick = () => pickOnMap("pick_country", code);
  }
  for (const place of found.places) {
    const dot = svgElement("circle", { class: "place", cx: x(place.lon), cy: y(place.lat), r: 3 + 3 * Math.sqrt(place.events),
      "data-place": place.name }, svg);
    withTitle(dot, `${place.name} (${place.country || "?"}): ${place.events} event(s), mean Goldstein ${place.mean_goldstein}`);
    dot.onclick = () => pickOnMap("pick_place", place.name);
  }
  $("#map-chart").replaceChildren(svg);
  await showPicked(params);
}

function pickOnMap(kind, value) {
  const params = current();
  params.delete("pick_place"); params.delete("pick_country");
  params.set(kind, value);
  go(params);
}

async function showPicked(params) {
  const [place, country] = [params.get("pick_place"), params.get("pick_country")];
  $("#map-picked").textContent = place ? `Events in ${place}` : country ? `Events in or involving ${country}` : "Click a place or a country for its events";
  if (!place && !country) { $("#map-events").innerHTML = ""; return; }
  const query = filterParams(params);
  if (place) query.set("place", place); else query.set("country", country);
  await showEventList($("#map-events"), [query]);
}

// ---- the page ----------------------------------------------------------------------------

const VIEWS = { events: renderEvents, article: renderArticle, timeline: renderTimeline, network: renderNetwork,
  map: renderMap, paste: async () => {} };

async function render() {
  const params = current();
  const view = VIEWS[params.get("view")] ? params.get("view") : "events";
  for (const tab of document.querySelectorAll("#tabs a")) tab.classList.toggle("active", tab.dataset.view === view);
  for (const section of document.querySelectorAll(".view")) section.classList.toggle("active", section.id === "view-" + view);
  $("#filters").hidden = ["article", "paste", "timeline"].includes(view);
  fillFilters(params);
  $("#error").textContent = "";
  document.body.dataset.ready = "";
  try {
    await VIEWS[view](params);
  } catch (error) {
    $("#error").textContent = error.message;
  }
  document.body.dataset.ready = view;  // browser tests wait for this
}

async function start() {
  $("#filters").elements.type.innerHTML = '<option value="">any</option>' + PLOVER.map((t) => `<option>${t}</option>`).join("");
  $("#export-format").innerHTML = EXPORTS.map((f) => `<option>${f}</option>`).join("");
  $("#filters").onsubmit = submitFilters;
  $("#clear").onclick = () => go(new URLSearchParams({ view: current().get("view") || "events" }));
  $("#prev").onclick = () => pageBy(-1);
  $("#next").onclick = () => pageBy(1);
  $("#export-format").onchange = updateExportLink;
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) th.onclick = () => sortBy(th.dataset.sort);
  $("#dyad-form").onsubmit = submitDyad;
  $("#network-level").onchange = () => { const p = current(); p.set("level", $("#network-level").value); go(p); };
  $("#paste-code").onclick = () => codePasted().catch((e) => { $("#paste-status").textContent = e.message; });
  for (const tab of document.querySelectorAll("#tabs a")) {
    tab.onclick = (event) => {
      event.preventDefault();
      // The article tab goes back to the last article read; the others keep the filters.
      const last = sessionStorage.getItem("eventwire-last-article");
      if (tab.dataset.view === "article" && last) return go(new URLSearchParams(last));
      const p = filterParams(current()); p.set("view", tab.dataset.view); go(p);
    };
  }
  window.onpopstate = render;
  $("#article").addEventListener("mouseover", showTip);
  $("#article").addEventListener("mouseleave", () => { $("#tip").hidden = true; });
  try {
    const health = await api("/health");
    $("#store-name").textContent = health.store ? `store: ${health.store.split(/[\\/]/).pop()}` : "no store (start with --db)";
    $("#store-name").title = health.store || "";
    $("#paste-store").hidden = !health.ingest;
  } catch (error) {
    $("#error").textContent = error.message;
  }
  await render();
}

start();
