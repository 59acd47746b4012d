// Search page: every hit of the archive, counted, sorted and filtered, from static files. The manifest names each
// edition's segment (a yearly one, or the edition's own); a query fetches, per segment, only the bucket files of
// its terms, so ten years cost about ten small files per term. The page of results shown fetches one small file
// per result (headline, edition, page and the text its excerpt is cut from), listed in order as they come. Every search is its address (q, sort, year, month,
// section, column, page), so it can be shared, bookmarked and reopened. Offline, the saved editions are searched.
import {
  bucketOf,
  bucketTerms,
  facetTerm,
  headlineReach,
  manifestEditions,
  normalize,
  queryTerms,
  readPositions,
  readPostings,
} from "./search-core.js";

const pageSize = 10;
const sorts = ["newest", "oldest", "relevance"];

/**
 * @typedef {{ q: string, sort: string, year: string, month: string, section: string, column: string, page: number }} State
 * @typedef {{ path: string, buckets: number, ranges: { from: number, count: number, date: string }[] }} Source
 * @typedef {{ date: string, index: number, score: number }} Hit
 */

/** The search a URL asks for; anything malformed is left at its default, never an error. */
function readState(params) {
  const get = (name) => (params.get(name) || "").trim();
  const month = Number(get("month"));
  const page = Number(get("page"));
  return {
    q: get("q").slice(0, 200),
    sort: sorts.includes(get("sort")) ? get("sort") : "newest",
    year: /^\d{4}$/.test(get("year")) ? get("year") : "",
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? String(month) : "",
    section: get("section").slice(0, 100),
    column: get("column").slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

/** The address of a search: only what differs from the defaults. */
function stateQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "newest") params.set("sort", state.sort);
  for (const name of ["year", "month", "section", "column"]) if (state[name]) params.set(name, state[name]);
  if (state.page > 1) params.set("page", String(state.page));
  return "?" + params.toString();
}

/**
 * The query as units that must all match: a quoted phrase as written; other words cut by the browser's word
 * segmenter, a one-character word kept with the word before it (readers who type 档案测试甲 mean it together, and
 * a single character's postings are the index's largest).
 * @returns {{ text: string, terms: { term: string, offset: number }[] }[]}
 */
function parseQuery(q) {
  const units = [];
  const segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  for (const m of q.matchAll(/"([^"]+)"|“([^”]+)”|「([^」]+)」|(\S+)/g)) {
    const phrase = m[1] || m[2] || m[3];
    const words = phrase ? [phrase] : segmenter ? wordsOf(segmenter, m[4]) : [m[4]];
    for (const word of words) {
      const terms = queryTerms(word);
      if (terms.length) units.push({ text: normalize(word).trim(), terms });
    }
  }
  return units;
}

function wordsOf(segmenter, text) {
  const words = [];
  let carry = "";
  let adjacent = false;
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) {
      if (carry) words.push(carry);
      carry = "";
      adjacent = false;
      continue;
    }
    const single = Array.from(s.segment).length === 1 && /\p{Script=Han}/u.test(s.segment);
    if (single && adjacent) words[words.length - 1] += s.segment;
    else if (single) carry += s.segment;
    else {
      words.push(carry + s.segment);
      carry = "";
      adjacent = true;
    }
  }
  if (carry) words.push(carry);
  return words;
}


// Where the manifest and the site's root are: on the script element, so the search starts as soon as this module
// runs (it is async), before the page below it is parsed.
const script = /** @type {HTMLElement | null} */ (document.querySelector("script[data-manifest]"));
const base = script?.getAttribute("data-base") || "/";
const site = (path) => new URL(base + path.replace(/^\//, ""), window.location.href).href;

/** @typedef {{ key: string, hits: Hit[], editionPath: string, needles: string[] }} Result */

/** @type {Promise<any> | null} */
let manifest = null;
const loadManifest = () =>
  (manifest ??= fetchOk(script?.getAttribute("data-manifest") || "").then((r) => r.json()).catch((err) => {
    manifest = null;
    throw err;
  }));

/** @type {Map<string, Promise<Uint8Array>>} */
const files = new Map();
const bytesOf = (url, priority = "auto") => {
  let file = files.get(url);
  if (!file) {
    file = fetchOk(url, priority).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b));
    // A failed fetch is not kept: the next search asks again.
    file.catch(() => files.delete(url));
    files.set(url, file);
  }
  return file;
};
/** @type {Map<string, Promise<{ bytes: Uint8Array, terms: Map<string, import("./search-core.js").TermRanges> }>>} */
const buckets = new Map();
const bucketAt = (url, priority = "auto") => {
  let bucket = buckets.get(url);
  if (!bucket) {
    bucket = bytesOf(url, priority).then((bytes) => ({ bytes, terms: bucketTerms(bytes) }));
    bucket.catch(() => buckets.delete(url));
    buckets.set(url, bucket);
  }
  return bucket;
};
/** @type {Map<string, Promise<any>>} */
const jsons = new Map();
const jsonAt = (url) => {
  if (!jsons.has(url)) {
    // Result files first: on HTTP/1.1 they would queue behind the older years' buckets.
    const json = fetchOk(url, "high").then((r) => r.json());
    json.catch(() => jsons.delete(url));
    jsons.set(url, json);
  }
  return jsons.get(url);
};

/** The segments to search and the editions' documents in each, for the state's year and month. */
function sourcesOf(m, state) {
  /** @type {Map<number, Source>} */
  const yearly = new Map();
  /** @type {Source[]} */
  const own = [];
  for (const [date, docs, seg, offset] of manifestEditions(m)) {
    if (state.year && !date.startsWith(state.year + "-")) continue;
    if (state.month && Number(date.slice(5, 7)) !== Number(state.month)) continue;
    if (seg < 0) {
      own.push({ path: m.edition.replace("{date}", date), buckets: m.editionBuckets, ranges: [{ from: 0, count: docs, date }] });
      continue;
    }
    const s = m.segments[seg];
    if (!yearly.has(seg)) yearly.set(seg, { path: s.path, buckets: s.buckets, ranges: [] });
    yearly.get(seg).ranges.push({ from: offset, count: docs, date });
  }
  const sources = [...own, ...yearly.values()];
  for (const s of sources) s.ranges.sort((a, b) => a.from - b.from);
  return sources;
}

/** Offline: the editions saved for offline reading (their caches are named by date), each its own segment. */
async function savedSources(m, state) {
  const names = window.caches ? await window.caches.keys() : [];
  const dates = new Set(names.map((n) => /^banmian-edition-(\d{4}-\d{2}-\d{2})-/.exec(n)?.[1]).filter(Boolean));
  const template = m ? m.edition : "/{date}/search/";
  const chosen = [...dates].filter(
    (d) => (!state.year || d.startsWith(state.year + "-")) && (!state.month || Number(d.slice(5, 7)) === Number(state.month)),
  );
  return Promise.all(
    chosen.map(async (date) => {
      const path = template.replace("{date}", date);
      const meta = await jsonAt(site(path) + "meta.json");
      return { path, buckets: meta.buckets, ranges: [{ from: 0, count: meta.docs, date }] };
    }),
  );
}

/** Every hit of `units` in one segment, with the facets' filters. */
async function searchSource(source, units, facets, priority = "auto") {
  const terms = new Set([...units.flatMap((u) => u.terms.map((t) => t.term)), ...facets]);
  // Positions only for the terms of a phrase (a unit of two placed terms or more), fetched with the documents.
  const placedTwice = new Set(
    units.filter((u) => u.terms.filter((t) => t.offset >= 0).length > 1).flatMap((u) => u.terms.map((t) => t.term)),
  );
  const postings = new Map();
  await Promise.all(
    [...terms].map(async (term) => {
      const file = (folder) => site(source.path) + folder + "/" + bucketOf(term, source.buckets) + ".bin";
      const [bucket, positions] = await Promise.all([
        bucketAt(file("b"), priority),
        placedTwice.has(term) ? bytesOf(file("p"), priority) : null,
      ]);
      const ranges = bucket.terms.get(term);
      const found = ranges ? readPostings(bucket.bytes, ranges.docs) : [];
      if (ranges && positions) readPositions(positions, ranges.positions, found);
      postings.set(term, found);
    }),
  );
  let matched = null;
  for (const unit of units) matched = andMatches(matched, unitMatches(unit, postings));
  for (const facet of facets) {
    const only = new Map(postings.get(facet).map((p) => [p.doc, { count: 1, early: false }]));
    matched = andMatches(matched, only, true);
  }
  /** @type {{ date: string, index: number, perUnit: { count: number, early: boolean }[] }[]} */
  const hits = [];
  for (const [doc, perUnit] of matched || new Map()) {
    const range = rangeOf(source.ranges, doc);
    if (range) hits.push({ date: range.date, index: doc - range.from, perUnit });
  }
  return hits;
}

/** A search's identity: what it looks for, where, in what order (not its page). */
function searchKey(state, text) {
  return JSON.stringify([text, state.sort, state.year, state.month, state.section, state.column]);
}

/** @type {Map<string, { early: Promise<Result | null>, whole: Promise<Result> }>} */
const searches = new Map();

/**
 * The search of `text` for the state, once (paging shows another page of it): its early page (newest first, or
 * null) and its whole result. A failed search is not kept.
 */
function searchOf(state, text) {
  const key = searchKey(state, text);
  // Offline, which editions are saved can change between two searches: each is made anew.
  if (navigator.onLine === false) searches.delete(key);
  let found = searches.get(key);
  if (!found) {
    let early = (_result) => undefined;
    const first = new Promise((resolve) => (early = resolve));
    const whole = search(state, text, early);
    whole.catch(() => searches.delete(key));
    found = { early: Promise.race([first, whole.then(() => null)]), whole };
    // Handled here too: a search whose early page nobody waits for fails through `whole`.
    found.early.catch(() => undefined);
    searches.set(key, found);
  }
  return found;
}

/**
 * Every hit of `text` for the state. Newest first, the newest year's segments are read first (their requests
 * go out first): when they hold the page asked for, `early` gets it to list while the older years still come.
 */
async function search(state, text, early) {
  const key = searchKey(state, text);
  const offline = navigator.onLine === false;
  // The query is cut (the word segmenter starts) while the manifest is on its way.
  const units = parseQuery(text);
  const m = offline ? await loadManifest().catch(() => null) : await loadManifest();
  if (!units.length) return { key, hits: [], editionPath: "", needles: [] };
  // A section or column the archive does not have (a mistyped address) filters nothing rather than everything.
  const facets = [];
  if (state.section && (!m || m.sections.includes(state.section))) facets.push(facetTerm("section", state.section));
  if (state.column && (!m || m.columns.includes(state.column))) facets.push(facetTerm("column", state.column));
  const sources = offline ? await savedSources(m, state) : sourcesOf(m, state);
  const needles = units.map((u) => u.text);
  const editionPath = m ? m.edition : "/{date}/search/";
  const newestYear = sources.reduce((y, s) => (s.ranges[0] && s.ranges[0].date > y ? s.ranges[0].date : y), "").slice(0, 4);
  const isNewest = (s) => s.ranges.every((r) => r.date.startsWith(newestYear));
  // Newest first, the older years' files are asked for at a low priority: the newest year's and the first page's
  // results go ahead of them.
  const later = state.sort === "newest" ? "low" : "auto";
  const searching = sources
    .sort((a, b) => Number(isNewest(b)) - Number(isNewest(a)))
    .map((s) => searchSource(s, units, facets, isNewest(s) ? "high" : later));
  const firstYear = searching.slice(0, sources.filter(isNewest).length);
  if (state.sort === "newest" && firstYear.length < sources.length) {
    const newest = (await Promise.all(firstYear)).flat();
    if (newest.length >= state.page * pageSize) {
      const hits = newest.map((h) => ({ date: h.date, index: h.index, score: 0 })).sort(byDate);
      early({ key: "", hits, editionPath, needles });
    }
  }
  early(null);
  const found = (await Promise.all(searching)).flat();
  const total = sources.reduce((n, s) => n + s.ranges.reduce((k, r) => k + r.count, 0), 0);
  const idf = units.map((_, i) => Math.log(1 + total / Math.max(1, found.filter((h) => h.perUnit[i]).length)));
  /** @type {Hit[]} */
  const hits = found.map((h) => ({
    date: h.date,
    index: h.index,
    score: units.reduce((s, _, i) => {
      const u = h.perUnit[i];
      return u ? s + idf[i] * (1 + Math.log(u.count)) * (u.early ? 2 : 1) : s;
    }, 0),
  }));
  if (state.sort === "oldest") hits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  else if (state.sort === "relevance") hits.sort((a, b) => b.score - a.score || byDate(a, b));
  else hits.sort(byDate);
  return { key, hits, editionPath, needles };
}


// A search in the address starts now: the manifest, its segments' files and its first page's results are on their
// way while the page is still being parsed; the page shows them when it is ready.
const asked = readState(new URLSearchParams(window.location.search));
if (script && asked.q) {
  const started = searchOf(asked, asked.q);
  const prefetch = (result) => {
    if (result) for (const hit of pageOf(result, asked.page)) jsonAt(site(result.editionPath.replace("{date}", hit.date)) + "a/" + hit.index + ".json");
  };
  started.early.then(prefetch).catch(() => undefined);
  started.whole.then(prefetch).catch(() => undefined);
}

/** The hits on page `page` of `result` (the last page when there are fewer). */
function pageOf(result, page) {
  const last = Math.max(1, Math.ceil(result.hits.length / pageSize));
  const shown = Math.min(page, last);
  return result.hits.slice((shown - 1) * pageSize, shown * pageSize);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
else ready();

function ready() {
  const form = /** @type {HTMLFormElement | null} */ (document.querySelector(".search-form"));
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const pager = /** @type {HTMLElement | null} */ (document.querySelector(".search-pager"));
  if (form && list && status && pager) start(form, list, status, pager);
}

function start(form, list, status, pager) {
  const input = /** @type {HTMLInputElement} */ (form.querySelector("input[name=q]"));
  const select = (name) => /** @type {HTMLSelectElement} */ (form.querySelector(`select[name=${name}]`));
  const note = /** @type {HTMLElement | null} */ (document.querySelector(".search-note"));
  if (note) note.hidden = true;
  const chinese = (document.documentElement.lang || "").startsWith("zh");

  let runs = 0;
  let listings = 0;

  function say(key, n) {
    status.textContent = (status.getAttribute("data-" + key) || "").replace("{n}", String(n));
  }

  function setSelect(name, value) {
    const s = select(name);
    s.value = Array.from(s.options).some((o) => o.value === value) ? value : "";
  }

  function show(state) {
    input.value = state.q;
    setSelect("sort", state.sort);
    for (const name of ["year", "month", "section", "column"]) setSelect(name, state[name]);
  }

  function fillFacets(m) {
    for (const [name, values] of [["section", m.sections], ["column", m.columns]]) {
      const s = select(name);
      if (s.options.length > 1) continue;
      for (const value of values || []) s.add(new Option(value, value));
    }
  }

  async function run(state) {
    const run = ++runs;
    show(state);
    // The filters' sections and columns come with the manifest.
    loadManifest()
      .then((m) => {
        if (run !== runs) return;
        fillFacets(m);
        show(state);
      })
      // No manifest (offline, a failed fetch): the filters keep their "any" option; a search says why.
      .catch(() => undefined);
    if (!state.q) {
      list.textContent = "";
      status.textContent = "";
      pager.hidden = true;
      return;
    }
    say("searching");
    // 繁體 typed on a simplified paper: searched as typed first, so a simplified query never waits for the converter
    // (about 60 KB); when that finds nothing, in simplified characters; when it finds something, the converter is
    // asked afterwards and a query it changes is searched again.
    const simplify =
      chinese && /\p{Script=Han}/u.test(state.q) ? () => import("./hant.js").then((h) => h.toSimplified(state.q)) : null;
    // Newest first, the page is listed early from the newest year; it stays when the whole count agrees with it.
    const find = async (text) => {
      const searching = searchOf(state, text);
      const partial = await searching.early;
      let listed = null;
      let listing = Promise.resolve();
      if (partial && run === runs) {
        listed = pageKey(partial, state);
        // A file it could not fetch fails the whole search too, which says so.
        listing = listPage(run, state, partial, false).catch(() => undefined);
      }
      return { result: await searching.whole, listed, listing };
    };
    try {
      let found = await find(state.q);
      if (run !== runs) return;
      const converted = simplify && !found.result.hits.length ? await simplify() : null;
      if (converted && converted !== state.q) found = await find(converted);
      if (run !== runs) return;
      const kept = found.listed === pageKey(found.result, state);
      if (kept) await found.listing;
      await listPage(run, state, found.result, true, kept);
      if (simplify && !converted) {
        const other = await simplify();
        if (other !== state.q && run === runs) await listPage(run, state, await searchOf(state, other).whole, true);
      }
    } catch {
      // An index file did not arrive (offline, a failed fetch): say so, never "searching…" forever.
      if (run !== runs) return;
      list.textContent = "";
      pager.hidden = true;
      say("error");
    }
  }

  /** The hits a page of `result` shows, as a string: two listings of the same page are the same. */
  function pageKey(result, state) {
    const page = Math.min(state.page, Math.max(1, Math.ceil(result.hits.length / pageSize)));
    return result.hits
      .slice((page - 1) * pageSize, page * pageSize)
      .map((h) => h.date + "/" + h.index)
      .join(",");
  }

  /**
   * Lists the state's page of `result`, each result as soon as it and those before it are here; `whole`: the
   * result counts every hit (else the status keeps saying it is searching); `kept`: that page is listed already.
   */
  async function listPage(run, state, result, whole, kept = false) {
    const pages = Math.max(1, Math.ceil(result.hits.length / pageSize));
    const page = Math.min(state.page, pages);
    if (!kept) {
      const listing = ++listings;
      const items = pageOf(result, state.page).map((hit) => resultItem(hit, result, state));
      list.textContent = "";
      pager.hidden = true;
      for (const item of items) {
        const li = await item;
        // A newer search, or a newer listing of this one, takes the list over.
        if (run !== runs || listing !== listings) return;
        list.appendChild(li);
      }
    }
    if (!whole) return;
    say(result.hits.length ? "count" : "none", result.hits.length);
    showPager(state, page, pages, result.hits.length);
  }

  async function resultItem(hit, result, state) {
    const folder = site(result.editionPath.replace("{date}", hit.date));
    const doc = await jsonAt(folder + "a/" + hit.index + ".json");
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = site(doc.u);
    a.textContent = doc.h;
    li.appendChild(a);
    // Where the hit is on the page scan: the page view lights that area and boxes the words.
    if (doc.a) {
      const onPage = document.createElement("a");
      onPage.className = "search-scan";
      onPage.href = site(doc.a.replace("#", "?hit=" + encodeURIComponent(state.q) + "#"));
      onPage.textContent = list.getAttribute("data-on-page");
      li.append(" ", onPage);
    }
    const meta = document.createElement("p");
    meta.className = "search-meta";
    meta.textContent = doc.d + " · " + doc.p;
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(doc.t, result.needles || []));
    li.append(meta, excerpt);
    return li;
  }

  function showPager(state, page, pages, count) {
    pager.hidden = pages < 2;
    const link = (selector, to) => {
      const a = /** @type {HTMLAnchorElement} */ (pager.querySelector(selector));
      a.hidden = to < 1 || to > pages;
      a.href = stateQuery({ ...state, page: to });
    };
    link(".search-previous", page - 1);
    link(".search-next", page + 1);
    const showing = pager.querySelector(".search-showing");
    showing.textContent = (pager.getAttribute("data-showing") || "")
      .replace("{from}", String((page - 1) * pageSize + 1))
      .replace("{to}", String(Math.min(count, page * pageSize)));
  }

  const go = (state) => {
    history.pushState(null, "", stateQuery(state));
    run(state);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go(readState(new URLSearchParams(/** @type {any} */ (data))));
  });
  // A changed filter or order searches again at once (from the first page).
  form.addEventListener("change", (event) => {
    if (/** @type {HTMLElement} */ (event.target).tagName === "SELECT" && input.value.trim()) form.requestSubmit();
  });
  pager.addEventListener("click", (event) => {
    const a = /** @type {HTMLElement} */ (event.target).closest("a");
    if (!a || a.hidden) return;
    event.preventDefault();
    go(readState(new URL(/** @type {HTMLAnchorElement} */ (a).href).searchParams));
    list.scrollIntoView?.();
  });
  window.addEventListener("popstate", () => run(readState(new URLSearchParams(window.location.search))));
  run(readState(new URLSearchParams(window.location.search)));
}

/** A fetch that fails on an HTTP error too; `priority` as fetch's (Chromium's Priority Hints). */
function fetchOk(url, priority = "auto") {
  return fetch(url, /** @type {RequestInit} */ ({ priority })).then((r) => {
    if (!r.ok) throw new Error(r.status + " " + r.url);
    return r;
  });
}

/** Newest edition first; an edition's articles in their order. */
function byDate(a, b) {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.index - b.index;
}

/** The range holding document `doc` (ranges sorted by their first document), or null: not searched. */
function rangeOf(ranges, doc) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (doc < r.from) hi = mid - 1;
    else if (doc >= r.from + r.count) lo = mid + 1;
    else return r;
  }
  return null;
}

/**
 * The documents where a unit matches: all its terms there, its placed terms side by side as in the query; with
 * the matches' number and whether one is early in the text (in the headline).
 * @returns {Map<number, { count: number, early: boolean }>}
 */
function unitMatches(unit, postings) {
  const lists = unit.terms.map((t) => postings.get(t.term) || []);
  const out = new Map();
  if (lists.some((l) => l.length === 0)) return out;
  const order = lists.map((_, i) => i).sort((a, b) => lists[a].length - lists[b].length);
  const placed = unit.terms.map((t, i) => ({ ...t, i })).filter((t) => t.offset >= 0);
  for (const entry of lists[order[0]]) {
    const at = lists.map((l, i) => (i === order[0] ? entry : findDoc(l, entry.doc)));
    if (at.some((e) => !e)) continue;
    if (placed.length < 2) {
      const lead = placed.length ? at[placed[0].i] : entry;
      out.set(entry.doc, { count: lead.count, early: lead.early });
      continue;
    }
    const [lead, ...rest] = placed;
    const others = rest.map((t) => ({ shift: t.offset - lead.offset, positions: new Set(at[t.i].positions) }));
    let count = 0;
    let first = Infinity;
    for (const p of at[lead.i].positions) {
      if (others.every((o) => o.positions.has(p + o.shift))) {
        count++;
        if (p < first) first = p;
      }
    }
    if (count) out.set(entry.doc, { count, early: first < headlineReach });
  }
  return out;
}

/** Binary search of a term's postings (ascending documents) for `doc`. */
function findDoc(postings, doc) {
  let lo = 0;
  let hi = postings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = postings[mid].doc;
    if (d === doc) return postings[mid];
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Documents in both: each document's per-unit matches (a facet adds none of its own: `filterOnly`). */
function andMatches(matched, next, filterOnly = false) {
  if (matched === null) return filterOnly ? null : new Map([...next].map(([doc, m]) => [doc, [m]]));
  const out = new Map();
  for (const [doc, perUnit] of matched) {
    const m = next.get(doc);
    if (m) out.set(doc, filterOnly ? perUnit : [...perUnit, m]);
  }
  return out;
}

/**
 * The excerpt of `text` around its first match, the matches marked: text nodes and <mark> elements, never HTML.
 * Matching is on the normalised text (full-width forms, case), each normalised character traced to its original.
 */
function excerptNodes(text, needles, length = 90) {
  const points = Array.from(text.replace(/\s+/g, " "));
  let normal = "";
  const origin = [];
  points.forEach((c, i) => {
    const n = c.normalize("NFKC").toLowerCase();
    normal += n;
    for (let k = 0; k < n.length; k++) origin.push(i);
  });
  const matches = [];
  for (const needle of needles.filter(Boolean)) {
    for (let at = normal.indexOf(needle); at >= 0; at = normal.indexOf(needle, at + needle.length)) {
      matches.push([origin[at], origin[at + needle.length - 1] + 1]);
    }
  }
  matches.sort((a, b) => a[0] - b[0]);
  const start = matches.length ? Math.max(0, matches[0][0] - 20) : 0;
  const end = Math.min(points.length, start + length);
  const nodes = [];
  let at = start;
  if (start > 0) nodes.push(document.createTextNode("…"));
  for (const [from, to] of matches) {
    if (from < at || from >= end) continue;
    nodes.push(document.createTextNode(points.slice(at, from).join("")));
    const mark = document.createElement("mark");
    mark.textContent = points.slice(from, Math.min(to, end)).join("");
    nodes.push(mark);
    at = Math.min(to, end);
  }
  nodes.push(document.createTextNode(points.slice(at, end).join("") + (end < points.length ? "…" : "")));
  return nodes;
}
