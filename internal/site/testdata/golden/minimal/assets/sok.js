// plansite search, the browser side. The Go builder did the language work: stems, compound parts, the glossary,
// BM25 weights (internal/search). This script folds and splits a query exactly as Go's search.Tokens does (both
// are tested on internal/search/testdata/tokens.golden), loads only the index shards the query's words need and
// the fragments of the results it shows, ranks, and writes the results into #sok-resultat. The query lives in the
// address (?q=…), so searches can be linked and the back button works. No request leaves the site.
(function () {
  'use strict';

  var WORD = /[\p{L}\p{Nd}]/u;
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var MARKS = /\p{Mn}/gu;

  // fold lower-cases and removes diacritics: "Återvändare" → "atervandare".
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(MARKS, '');
  }

  function tok(form, secondary) {
    return { form: form, key: fold(form), secondary: secondary };
  }

  // tokens splits a text into words as Go's search.Tokens does: hyphenated words give the joined word and, as
  // secondary tokens, the parts and the joined word with the word before it.
  function tokens(text) {
    var cps = Array.from(text.normalize('NFC'));
    var out = [];
    var prev = '';
    var i = 0;
    while (i < cps.length) {
      var c = cps[i];
      if (!WORD.test(c)) {
        if (!SPACE.test(c)) prev = '';
        i++;
        continue;
      }
      var parts = [];
      var cur = '';
      while (i < cps.length) {
        c = cps[i];
        if (WORD.test(c)) {
          cur += c;
          i++;
          continue;
        }
        if (c === '-' && i + 1 < cps.length && WORD.test(cps[i + 1])) {
          parts.push(cur);
          cur = '';
          i++;
          continue;
        }
        break;
      }
      parts.push(cur);
      var joined = parts.join('').toLowerCase();
      out.push(tok(joined, false));
      if (parts.length > 1) {
        for (var p = 0; p < parts.length; p++) out.push(tok(parts[p].toLowerCase(), true));
        if (prev !== '') out.push(tok(prev + joined, true));
      }
      prev = joined;
    }
    return out;
  }

  var prefixLen = 2; // letters of a term that name its shard; meta.json says
  var chunk = 1;     // documents per fragment file; meta.json says

  function shardName(key) {
    var s = Array.from(key).slice(0, prefixLen).join('');
    var bytes = new TextEncoder().encode(s);
    var hex = '';
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return hex;
  }

  // The index, loaded piece by piece and kept.
  var base = new URL('./', document.currentScript ? document.currentScript.src : location.href);
  var indexBase = new URL('../sok/', base);
  var cache = new Map();
  function load(path, empty) {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path, indexBase)).then(function (r) {
        return r.ok ? r.json() : empty;
      }).catch(function () { return empty; }));
    }
    return cache.get(path);
  }
  function meta() {
    return load('i/meta.json', null).then(function (m) {
      if (m) { prefixLen = m.pl || 2; chunk = m.fc || 1; }
      return m;
    });
  }
  function shard(key) { return load('i/' + shardName(key) + '.json', { s: {}, p: {}, f: {} }); }
  function fragment(doc) {
    return meta().then(function () {
      return load('f/' + Math.floor(doc / chunk) + '.json', null);
    }).then(function (list) { return list ? list[doc % chunk] : null; });
  }

  // prefixOf reports whether k could be the stem of key: it begins key, and what is left is an ending (at most
  // six letters after a stem of four or more, three after a stem of three: "oro" for "orolig").
  function prefixOf(k, key) {
    var rest = key.length - k.length;
    return rest > 0 && (k.length >= 4 ? rest <= 6 : k.length === 3 && rest <= 3) && key.lastIndexOf(k, 0) === 0;
  }

  // prefixes lists the keys of obj that could be stems of key, longest first.
  function prefixes(obj, key) {
    var out = [];
    for (var k in obj) if (prefixOf(k, key)) out.push(k);
    return out.sort(function (a, b) { return b.length - a.length; });
  }

  function longestPrefix(obj, key) {
    return prefixes(obj, key)[0] || null;
  }

  // oneEdit reports whether a and b differ by one letter added, removed, changed, or two letters swapped.
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function addPostings(scores, list, factor) {
    if (!list) return;
    for (var i = 0; i + 1 < list.length; i += 2) {
      var s = list[i + 1] * factor;
      if (!(scores.get(list[i]) >= s)) scores.set(list[i], s);
    }
  }

  // matchWord scores the documents for one word of the query, and says which keys it matched, for highlighting.
  async function matchWord(t) {
    var scores = new Map();
    var keys = [];
    var sh = await shard(t.key);
    var entry = sh.f[t.key];
    var stem = entry ? entry[0] : null;
    if (!entry) {
      // A form the text does not have ("stödjer"): the stems it may be built on, the longest weighing most.
      var cands = prefixes(sh.s, t.key);
      for (var c = 0; c < cands.length; c++) {
        addPostings(scores, sh.s[cands[c]], c === 0 ? 0.9 : 0.7);
        keys.push(cands[c]);
      }
      stem = cands[0] || null;
    }
    if (entry) {
      var st = await shard(stem);
      addPostings(scores, st.s[stem], 1);
      keys.push(stem);
      // The exact spelling, with å, ä and ö as typed, ranks higher than a folded match.
      if (entry) {
        for (var i = 1; i + 1 < entry.length; i += 2) {
          if (entry[i] !== t.form) continue;
          entry[i + 1].forEach(function (d) { if (scores.has(d)) scores.set(d, scores.get(d) * 1.2); });
        }
      }
    }
    // The word as a part of compounds: "nätverk" in "socialtjänstnätverket".
    var partKey = stem || t.key;
    var ps = (await shard(partKey)).p || {};
    if (!ps[partKey]) partKey = longestPrefix(ps, t.key) || partKey;
    if (ps[partKey]) {
      addPostings(scores, ps[partKey], 1);
      keys.push(partKey);
    } else if (t.key.length >= 4) {
      // An inflected part: "nätverk" in "…nätverket" when the text never has "nätverk" alone.
      for (var pk in ps) {
        if (pk.length > t.key.length && pk.lastIndexOf(t.key, 0) === 0) {
          addPostings(scores, ps[pk], 0.9);
          keys.push(t.key);
        }
      }
    }
    // The beginning of longer words: "järva" in "järvaområdet", or a word still being typed.
    if (t.key.length >= 4) {
      for (var f in sh.f) {
        if (f.length <= t.key.length || f.lastIndexOf(t.key, 0) !== 0) continue;
        var s1 = sh.f[f][0];
        if (s1 === stem) continue;
        addPostings(scores, (await shard(s1)).s[s1], 0.5);
        keys.push(t.key);
      }
    }
    // Nothing at all: a word one letter away.
    if (scores.size === 0) {
      for (var k in sh.f) {
        if (!oneEdit(k, t.key)) continue;
        var s2 = sh.f[k][0];
        addPostings(scores, (await shard(s2)).s[s2], 0.5);
        keys.push(s2);
      }
    }
    return { scores: scores, keys: keys };
  }

  // search returns the documents that best answer the query, best first, with the keys that matched.
  async function search(q, opts) {
    var m = await meta();
    if (!m) return { docs: [], keys: [] };
    var groups = [];
    tokens(q).forEach(function (t) {
      if (!t.secondary) groups.push([t]);
      else if (groups.length) groups[groups.length - 1].push(t);
    });
    var stop = new Set(m.stop);
    var content = groups.filter(function (g) { return !stop.has(g[0].form); });
    if (content.length) groups = content;
    var allowed = allowedDocs(m, opts);
    var total = new Map();
    var keys = [];
    var results = await Promise.all(groups.map(function (g) {
      return Promise.all(g.map(matchWord));
    }));
    results.forEach(function (alts) {
      var best = new Map();
      alts.forEach(function (a, i) {
        keys = keys.concat(a.keys);
        var f = i === 0 ? 1 : 0.8;
        a.scores.forEach(function (s, d) {
          if (allowed(d) && !(best.get(d) >= s * f)) best.set(d, s * f);
        });
      });
      best.forEach(function (s, d) {
        var r = total.get(d) || { doc: d, score: 0, words: 0 };
        r.score += s;
        r.words++;
        total.set(d, r);
      });
    });
    var docs = Array.from(total.values());
    // Several words narrow the results: the documents with the most of them, then by weight.
    var most = docs.reduce(function (n, r) { return Math.max(n, r.words); }, 0);
    docs = docs.filter(function (r) { return r.words === most; });
    docs.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { docs: docs, keys: keys };
  }

  function allowedDocs(m, opts) {
    var revs = opts.all ? m.revs : m.revs.filter(function (r) { return r.y === m.cur; });
    return function (d) {
      for (var i = 0; i < revs.length; i++) {
        var r = revs[i];
        if (d < r.first || d >= r.end) continue;
        if (opts.kind === 's' && d >= r.act) return false;
        if (opts.kind === 'a' && d < r.act) return false;
        if (opts.ansvarig !== '' && String(m.da[d]) !== opts.ansvarig) return false;
        return true;
      }
      return false;
    };
  }

  // The page.
  var form, field, scope, kind, ansvarig, status, list;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // snippet shows the words around the first match, with every matched word marked.
  function snippet(text, keys) {
    var p = el('p', 'search-result__snippet');
    var re = /[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*/gu;
    var words = [];
    var mm;
    while ((mm = re.exec(text)) !== null) words.push({ at: mm.index, end: re.lastIndex, hit: hit(fold(mm[0]), keys) });
    var first = words.findIndex(function (w) { return w.hit; });
    var from = Math.max(0, (first < 0 ? 0 : first) - 10);
    var to = Math.min(words.length, from + 32);
    if (words.length === 0) return p;
    var start = words[from].at;
    var end = to < words.length ? words[to - 1].end : text.length;
    if (from > 0) p.appendChild(document.createTextNode('… '));
    var pos = start;
    for (var i = from; i < to; i++) {
      if (!words[i].hit) continue;
      p.appendChild(document.createTextNode(text.slice(pos, words[i].at)));
      p.appendChild(el('mark', '', text.slice(words[i].at, words[i].end)));
      pos = words[i].end;
    }
    p.appendChild(document.createTextNode(text.slice(pos, end) + (to < words.length ? ' …' : '')));
    return p;
  }

  function hit(word, keys) {
    return keys.some(function (k) {
      return k.length >= 3 && (word.lastIndexOf(k, 0) === 0 || (k.length >= 4 && word.indexOf(k) > 0));
    });
  }

  var kinds = { s: 'Avsnitt', a: 'Aktivitet' };

  function render(q, found, frags, m, opts) {
    list.textContent = '';
    frags.forEach(function (f, i) {
      if (!f) return;
      var li = el('li', 'search-result');
      var a = el('a', 'search-result__link');
      a.href = new URL(f.u, new URL('../', indexBase)).href;
      var title = f.t.join(' › ');
      if (f.k === 'a') title += ' › ' + shorten(f.x, 80);
      a.textContent = title;
      var h = el('h2', 'search-result__title');
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(el('p', 'search-result__meta', kinds[f.k] + ' i planen ' + f.y));
      li.appendChild(snippet(f.x, found.keys));
      if (f.k === 'a') {
        var dl = el('dl', 'search-result__facts');
        [['Ansvarig', f.a], ['Tidplan', f.p]].forEach(function (kv) {
          if (!kv[1]) return;
          var d = el('div');
          d.appendChild(el('dt', '', kv[0]));
          d.appendChild(el('dd', '', kv[1]));
          dl.appendChild(d);
        });
        li.appendChild(dl);
      }
      li.dataset.doc = String(found.docs[i].doc);
      list.appendChild(li);
    });
    var n = found.docs.length;
    var where = opts.all ? 'alla år' : 'planen ' + m.cur;
    status.textContent = n === 0 ? 'Inga träffar för ”' + q + '” i ' + where + '.' :
      (n === 1 ? '1 träff' : n + ' träffar') + ' för ”' + q + '” i ' + where + (n > frags.length ? ', de ' + frags.length + ' bästa visas.' : '.');
  }

  function shorten(s, n) {
    if (s.length <= n) return s;
    var cut = s.slice(0, n);
    var sp = cut.lastIndexOf(' ');
    return (sp > n / 2 ? cut.slice(0, sp) : cut) + ' …';
  }

  var generation = 0;
  async function run() {
    var q = field.value.trim();
    var opts = { all: scope.value === 'alla', kind: kind.value, ansvarig: ansvarig.value };
    var params = new URLSearchParams();
    if (q) params.set('q', q);
    if (opts.all) params.set('omfang', 'alla');
    if (opts.kind) params.set('typ', opts.kind);
    if (opts.ansvarig) params.set('ansvarig', opts.ansvarig);
    var url = location.pathname + (params.toString() ? '?' + params : '');
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
    var mine = ++generation;
    if (!q) {
      list.textContent = '';
      status.textContent = 'Skriv ett eller flera ord att söka efter.';
      return;
    }
    var m = await meta();
    var found = await search(q, opts);
    var top = found.docs.slice(0, 10);
    var frags = await Promise.all(top.map(function (r) { return fragment(r.doc); }));
    if (mine !== generation) return; // a newer query has started
    render(q, found, frags, m, opts);
  }

  async function init() {
    form = document.querySelector('.search-form');
    field = document.getElementById('sok-q');
    scope = document.getElementById('sok-omfang');
    kind = document.getElementById('sok-typ');
    ansvarig = document.getElementById('sok-ansvarig');
    status = document.getElementById('sok-status');
    list = document.getElementById('sok-resultat');
    if (!form || !field) return;
    var params = new URLSearchParams(location.search);
    field.value = params.get('q') || '';
    scope.value = params.get('omfang') === 'alla' ? 'alla' : '';
    kind.value = /^[sa]$/.test(params.get('typ') || '') ? params.get('typ') : '';
    var m = await meta();
    if (m) {
      m.ans.forEach(function (a, i) {
        var o = el('option', '', shorten(a, 70));
        o.value = String(i);
        ansvarig.appendChild(o);
      });
      ansvarig.value = params.get('ansvarig') || '';
      if (ansvarig.value !== (params.get('ansvarig') || '')) ansvarig.value = '';
    }
    var timer = 0;
    field.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    [scope, kind, ansvarig].forEach(function (s) { s.addEventListener('change', run); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    if (!field.value) field.focus();
    await run();
    document.documentElement.dataset.sokReady = 'true';
  }

  window.plansiteSearch = { fold: fold, tokens: tokens, search: search, fragment: fragment, run: run };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
