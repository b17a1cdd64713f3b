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

  // PARTICLES are the particles of Swedish particle verbs, as each joins the front of the verb's noun.
  var PARTICLES = { av: 'av', upp: 'upp', ut: 'ut', in: 'in', fram: 'fram', till: 'till', pa: 'på', over: 'över',
    om: 'om', med: 'med', emot: 'mot', mot: 'mot', bort: 'bort', ihop: 'ihop', ner: 'ner', ned: 'ned', igenom: 'genom',
    undan: 'undan', tillbaka: 'tillbaka' };

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
      var num = numberAt(cps, i);
      if (num) {
        appendNumber(out, cps, num);
        i = num.end;
        prev = '';
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

  var DIGIT = /[0-9]/;
  var NUMSEP = /[.\/:\-\u2013,]/;

  // numberAt finds a number of two or more groups of digits at i ("3.1.1-212/2020", "2001:453"), as Go's number
  // does: null when there is none or a letter follows it.
  function numberAt(cps, i) {
    var groups = [];
    for (;;) {
      var start = i;
      while (i < cps.length && DIGIT.test(cps[i])) i++;
      if (i === start) return null;
      groups.push([start, i]);
      if (i + 1 < cps.length && NUMSEP.test(cps[i]) && DIGIT.test(cps[i + 1])) {
        i++;
        continue;
      }
      if (groups.length < 2 || (i < cps.length && WORD.test(cps[i]))) return null;
      return { end: i, groups: groups };
    }
  }

  // appendNumber adds the whole number and every shorter run of its groups (secondary); a number's key is its
  // groups joined by "/".
  function appendNumber(out, cps, num) {
    var g = num.groups;
    function key(from, to) {
      var ks = [];
      for (var k = from; k < to; k++) ks.push(cps.slice(g[k][0], g[k][1]).join(''));
      return ks.join('/');
    }
    var whole = cps.slice(g[0][0], num.end).join('');
    out.push({ form: whole, key: key(0, g.length), secondary: false });
    for (var from = 0; from < g.length; from++) {
      for (var to = from + 1; to <= g.length; to++) {
        if (to - from === g.length) continue;
        out.push({ form: cps.slice(g[from][0], g[to - 1][1]).join(''), key: key(from, to), secondary: true });
      }
    }
  }

  var prefixLen = 2; // letters of a term that name its shard; meta.json says
  var chunk = 1;     // documents per fragment file; meta.json says

  function shardName(key) {
    return hexOf(Array.from(key).slice(0, prefixLen).join(''));
  }

  // hexOf is a string's UTF-8 bytes in hex, as Go's search.ShardName names files.
  function hexOf(s) {
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

  // rootEndings and root do what Go's search.Root does (both are tested on internal/search/testdata/roots.golden):
  // the root a folded word shares with the words derived from it ("anmälan", "orosanmälningar": anmal).
  var rootEndings = ('iseringarna iseringar iseringen isering iserades iserade iserad iserat iserar iseras isera ' +
    'eringarna eringar eringen ering erades erade erad erat erar eras era ' +
    'ningarnas ningarna ningar ningens ningen nings ning ingarna ingar ingen ing ' +
    'istiskas istiska istiskt istisk isterna isters isten ister ists ist ismens ismen ism iskas iska iskt isk ' +
    'isationerna isationer isationen isation ationerna ationer ationen ation ionerna ioner ionen ion itetens iteten itet ivas iva ivt iv ' +
    'lighetens ligheten lighet ligas liga ligt lig hetens heten heter het elsen elser else ' +
    'andets andet andes ande ende arnas arna arens aren ares are ernas erna ornas orna ' +
    'ans an ade at ar er or ens ets en et na a e s').split(' ');
  rootEndings = rootEndings.map(function (e, i) { return [e, i]; })
    .sort(function (a, b) { return b[0].length - a[0].length || a[1] - b[1]; })
    .map(function (e) { return e[0]; });

  function root(key) {
    if (/[0-9]/.test(key)) return key;
    var cps = Array.from(key);
    var n = cps.length;
    if (n > 256) return key;
    var stripped = false;
    for (var i = 0; i < rootEndings.length; i++) {
      var e = rootEndings[i];
      // Three letters are root enough before -ism and -ist ("nazism", "nazister"), as isIsmIst in Go.
      if ((n - e.length >= 4 || (n - e.length === 3 && /^is[mt]/.test(e))) && key.endsWith(e)) {
        key = key.slice(0, key.length - e.length);
        n -= e.length;
        stripped = true;
        break;
      }
    }
    // The e of a final -en or -el, which goes when an ending follows ("vuxen", "vuxna"), goes here too.
    if (!stripped && n >= 5 && /[^aeiouy](en|el)$/u.test(key)) {
      key = key.slice(0, -2) + key.slice(-1);
      n--;
    }
    if (n > 4 && key.endsWith('n')) { key = key.slice(0, -1); n--; }
    if (n > 4 && /[aeiouy]$/.test(key)) { key = key.slice(0, -1); n--; }
    // A verb's root joined to its noun's: the j of a verb in -ja goes after a consonant ("stödja", "stöd"); a root
    // in -ing, of a strong verb, takes its noun's vowel ("tvinga", "tvång"). As verbToNoun in Go.
    if (n >= 5 && /[^aeiouy]j$/u.test(key)) return key.slice(0, -1);
    if (n >= 4 && key.endsWith('ing')) return key.slice(0, -3) + 'ang';
    return key;
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

  // editDistance counts the letters added, removed or changed, and two letters swapped, from a to b, up to max+1.
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var c = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c = Math.min(c, prev2[j - 2] + 1);
        cur.push(c);
        if (c < low) low = c;
      }
      if (low > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  function addPostings(scores, list, factor) {
    if (!list) return;
    for (var i = 0; i + 1 < list.length; i += 2) {
      var s = list[i + 1] * factor;
      if (!(scores.get(list[i]) >= s)) scores.set(list[i], s);
    }
  }

  async function stemPostings(scores, stem, factor) {
    addPostings(scores, (await shard(stem)).s[stem], factor);
  }

  // matchWord scores the documents for one word of the query. It tries, in tiers, what the word is: a word of the
  // site (in any inflection, or inside a compound), then, only when the site does not have it, a word built on one
  // of the site's stems, a derivation, the beginning of longer words or a compound whose parts the text has apart,
  // and last, a misspelling. A rare word thus finds the few places that say it. Documents that have the word only
  // through the glossary (an abbreviation for it) have level 1, below the documents that say it (level 2).
  async function matchWord(t, depth) {
    var scores = new Map(), level = new Map(), keys = [], gl = new Map();
    var sh = await shard(t.key);
    var entry = sh.f[t.key];
    var stem = entry ? entry[0] : null;
    // A loose match is shaky when it rests on a stem of fewer than seven letters that the word begins with, a
    // beginning of fewer than six, or a word of fewer than seven one letter away ("sitter" → "sitt"): such a match
    // never decides over a word that matches as the site says it. A long stem ("kompetenscentret" →
    // "kompetenscent"), a long word one letter away, a compound split into words of the site, and a root at the
    // beginning of longer words are taken as sure.
    var shaky = false;
    var done = function (tier) { return { scores: scores, level: level, keys: keys, tier: tier, stem: stem, shaky: shaky }; };
    if (entry) {
      var st = await shard(stem);
      addPostings(scores, st.s[stem], 1);
      keys.push(stem);
      // The exact spelling, with å, ä and ö as typed, ranks higher than a folded match.
      for (var i = 1; i + 1 < entry.length; i += 2) {
        if (entry[i] !== t.form) continue;
        entry[i + 1].forEach(function (d) { if (scores.has(d)) scores.set(d, scores.get(d) * 1.2); });
      }
      // The word as a part of compounds: "nätverk" in "socialtjänstnätverket".
      var ps = st.p || {};
      if (ps[stem]) addPostings(scores, ps[stem], 1);
      addPostings(gl, st.g && st.g[stem], 1);
    }
    var ps0 = sh.p || {};
    if (ps0[t.key]) {
      addPostings(scores, ps0[t.key], 1);
      keys.push(t.key);
    }
    // A word the site does not have as such, but at the beginning of its longer words, as written: "behandling"
    // in "behandlingsenheten" says more than "behandlas", which only shares its root.
    if (!entry && t.key.length >= 6 && !/[0-9]/.test(t.key)) {
      for (var lf in sh.f) {
        if (lf.length <= t.key.length || lf.lastIndexOf(t.key, 0) !== 0 || otherVowels(t, sh, lf)) continue;
        await stemPostings(scores, sh.f[lf][0], 0.9);
        keys.push(t.key);
      }
    }
    if (/[0-9]/.test(t.key)) return done(scores.size ? 0 : 3); // a number is what it is
    // Derivations: the stems and compound parts of the site's words that share the word's root ("islamism" →
    // "islamistiska", "anmälan" → "orosanmälningar"), below the words themselves.
    var r = root(t.key);
    var rs = await shard(r);
    var rstems = (rs.r && rs.r[r]) || (rs.s[r] ? [r] : []);
    var derived = new Map();
    for (var k = 0; k < rstems.length; k++) {
      if (rstems[k] === stem) continue;
      var rsh = await shard(rstems[k]);
      // A word the site does not have, typed with å, ä or ö, is not the site's word of another vowel that folds
      // like it: "gänget" has the root of "gång" and "gånger" once folded.
      if (!entry && otherVowels(t, rsh, rstems[k])) continue;
      addPostings(derived, rsh.s[rstems[k]], 0.8);
      addPostings(derived, rsh.p && rsh.p[rstems[k]], 0.8);
      keys.push(rstems[k]);
    }
    scores.forEach(function (_, d) { level.set(d, 3); });
    // A word the site does not have in this form: the documents with a form of the same word, one that differs
    // only by its ending (at least six letters alike from the beginning, then at most three different letters in
    // all: "utredare" for "utredaren", "preventiva" for "preventivt", "blanketter" for "blanketterna"), are taken
    // as saying the word, above those that only share its root or stem ("utreda", "utredning").
    var inflected = new Set();
    if (!entry && derived.size && t.key.length >= 6) {
      for (var xf in sh.f) {
        if (!sameWord(xf, t.key)) continue;
        for (var xi = 2; xi < sh.f[xf].length; xi += 2) sh.f[xf][xi].forEach(function (d) { inflected.add(d); });
      }
    }
    derived.forEach(function (s, d) {
      if (scores.has(d)) return;
      scores.set(d, inflected.has(d) ? s / 0.8 : s);
      level.set(d, inflected.has(d) ? 3 : 2);
    });
    gl.forEach(function (s, d) { if (!scores.has(d)) { scores.set(d, s); level.set(d, 1); } });
    // A compound the site has also finds the documents that say its parts apart, below those that say it:
    // "extremistmiljö" in "extremistiska miljöer". Only beside other words of a query, where it can make the
    // answer that says the parts count the word: alone, the documents that say it answer, and the parts' shards
    // would cost the first query its bytes for results below them.
    if (scores.size && !depth && t.beside && t.key.length >= 10) {
      var apart = new Map();
      await splitQuery(t, sh, apart, []);
      apart.forEach(function (s, d) { if (!scores.has(d)) { scores.set(d, 0.8 * s); level.set(d, 1); } });
    }
    // The coordinator's synonyms (the glossary page's synonymer): a word employees use for the plan's word also
    // finds the documents that say the plan's, at the glossary's level ("samarbetar" → "samverkan").
    if (depth !== 2) {
      var syn = (await load('i/syn.json', {}))[r] || [];
      for (var sy = 0; sy < syn.length; sy++) {
        var sa = await matchWord({ key: syn[sy], form: syn[sy] }, 2);
        if (sa.tier !== 0) continue;
        keys.push.apply(keys, sa.keys);
        sa.scores.forEach(function (s, d) { if (!scores.has(d)) { scores.set(d, 0.8 * s); level.set(d, 1); } });
      }
    }
    if (scores.size) return done(0);

    // Tier 1: the site does not have the word, nor a word of its root.
    // A misspelling by one letter, for a word of five or more ("socialjoruen"), of a word or of its stem
    // ("kurrator": kurator, the stem of "kuratorer").
    // A word of four letters is only taken for a misspelling of a word with two letters swapped or one doubled
    // ("taem", "teamm"), the slips that keep a short word recognisable; other one-letter changes make another word.
    var near = t.key.length >= 5 ? nearForms(sh, t.key, 1, true) :
      t.key.length === 4 ? nearForms(sh, t.key, 1, false).filter(function (k) { return slip(k, t.key); }) : [];
    var sameVowels = function (k) { return !otherVowels(t, sh, k); };
    near = near.filter(sameVowels);
    for (var n = 0; n < near.length; n++) {
      await stemPostings(scores, sh.f[near[n]][0], 0.5);
      keys.push(sh.f[near[n]][0]);
    }
    shaky = near.length > 0 && t.key.length < 7;
    if (!near.length) {
      // A form built on a stem of the site ("stödjer" → "stöd"), the longest stem weighing most, alone or as a
      // compound part ("bejakande" in "våldsbejakande").
      var cands = prefixes(sh.s, t.key).filter(sameVowels);
      for (var c = 0; c < cands.length; c++) {
        addPostings(scores, sh.s[cands[c]], c === 0 ? 0.9 : 0.7);
        keys.push(cands[c]);
        if (cands[c].length < 7) shaky = true;
      }
      var pc = prefixes(ps0, t.key)[0];
      if (pc) {
        addPostings(scores, ps0[pc], 0.9);
        keys.push(pc);
        if (pc.length < 7) shaky = true;
      }
      // The beginning of longer words: "järva" in "järvaområdet", or a word still being typed.
      if (t.key.length >= 4) {
        for (var f in sh.f) {
          if (f.length <= t.key.length || f.lastIndexOf(t.key, 0) !== 0 || otherVowels(t, sh, f)) continue;
          await stemPostings(scores, sh.f[f][0], 0.5);
          keys.push(t.key);
          if (t.key.length < 6) shaky = true;
        }
      }
      // A compound whose parts the text has apart: "skolföreläsningar" for "föreläsningar … skolor".
      if (scores.size === 0 && !depth) await splitQuery(t, sh, scores, keys);
      // Failing that, the word's root at the beginning of longer words: the head of a compound whose head is no
      // word of the site ("sekretessen" in "sekretessbrytande", "identifiering" in "identifierats").
      if (scores.size === 0 && r.length >= 5 && r !== t.key && rs === sh) {
        for (var rf in sh.f) {
          if (rf.length <= r.length || rf.lastIndexOf(r, 0) !== 0 || otherVowels(t, sh, rf)) continue;
          await stemPostings(scores, sh.f[rf][0], 0.5);
          keys.push(r);
        }
      }
    }
    if (scores.size) {
      scores.forEach(function (_, d) { level.set(d, 3); });
      return done(1);
    }
    // Tier 2: a word two letters away, for a word of eight or more.
    near = t.key.length >= 8 ? nearForms(sh, t.key, 2, true).filter(sameVowels) : [];
    for (n = 0; n < near.length; n++) {
      await stemPostings(scores, sh.f[near[n]][0], 0.5);
      keys.push(sh.f[near[n]][0]);
    }
    // Tier 3, the last resort: a compound with one part the site has and one it lacks ("webbkurs": the webb- of
    // "webbutbildning"; "avhopparprogram": "avhoppare"; "varningstecken": "tecken"). See knownPart.
    if (!scores.size && !depth && t.key.length >= 8 && !/[0-9]/.test(t.key)) {
      var part = await knownPart(t);
      if (part) {
        part.scores.forEach(function (s, d) { scores.set(d, 0.4 * s); });
        keys.push.apply(keys, part.keys);
        shaky = true;
        scores.forEach(function (_, d) { level.set(d, 3); });
        return done(3);
      }
    }
    // The last resort of all: a general Swedish synonym of the word that the site has (Folkets synonymlexikon,
    // filtered by the builder to the words this site lacks: "snut" → "polis"), below everything else, and shaky, so
    // that it never decides beside a word of the query that the site says. Its file, by the first letter of the
    // root, is fetched only for a word that found nothing.
    if (!scores.size && !depth && !/[0-9]/.test(t.key)) {
      // The word as typed first, then its root: words of one root may differ in meaning ("formulär", "formulera").
      var lexf = await load('i/x/' + hexOf(Array.from(r)[0] || '') + '.json', {});
      var lex = lexf[t.key] || lexf[r] || [];
      for (var lq = 0; lq < lex.length; lq++) {
        var la = await matchWord({ key: lex[lq], form: lex[lq] }, 2);
        if (la.tier !== 0) continue;
        keys.push.apply(keys, la.keys);
        la.scores.forEach(function (s, d) { if (!scores.has(d)) scores.set(d, 0.4 * s); });
      }
      if (scores.size) {
        shaky = true;
        scores.forEach(function (_, d) { level.set(d, 1); });
        return done(3);
      }
    }
    scores.forEach(function (_, d) { level.set(d, 3); });
    return done(2);
  }

  // knownPart finds, in a word that matched nothing, the longest part of four letters or more that the site has: a
  // head as a word (with a linking s or a dropped a or e, as splitQuery takes it) or at the beginning of longer
  // words, or a tail after a linking s as a word. A part that more documents have than a page of results shows is passed over: a
  // part that many texts say ("stöd" of "försörjningsstöd") says little about the compound.
  async function knownPart(t) {
    var cps = Array.from(t.key), best = null, bestLen = 0;
    for (var i = 4; i <= cps.length - 4; i++) {
      var head = cps.slice(0, i).join(''), tail = cps.slice(i).join('');
      var bare = head.endsWith('s') ? head.slice(0, -1) : head;
      // A tail only after a linking s ("varnings|tecken"), where a compound's parts meet most often: each tail is
      // in another shard of the index, and trying every one cost the large site's first query 300 kB.
      var tries = cps[i - 1] === 's' ? [[tail, 0]] : [];
      [head, bare, head + 'e', head + 'a', bare + 'e'].forEach(function (h) { tries.push([h, 1]); });
      for (var k = 0; k < tries.length; k++) {
        var w = tries[k][0];
        var len = Array.from(w).length;
        if (len < 4 || len <= bestLen) continue;
        // A part typed with å, ä or ö is not the site's word of another vowel ("gäng" in "gängvåld" is not "gång").
        if (otherVowels({ form: partForm(t, tries[k][1] ? 0 : i) }, await shard(w), w)) continue;
        var a = await matchWord({ key: w, form: w }, 1);
        // A part is a word of the site as it stands (it has a stem); a head may also begin longer words (then its
        // own key is among the keys); a misspelling or a shorter stem does not count.
        var sure = a.tier === 0 && a.stem || (tries[k][1] === 1 && a.tier === 1 && a.keys.indexOf(w) >= 0);
        if (a.scores.size && a.scores.size <= 10 && sure) {
          best = a;
          bestLen = len;
        }
      }
    }
    return best;
  }

  // SWEDISH_VOWELS are the letters that fold alike but are other vowels to a Swedish reader: "gäng" is not "gång".
  var SWEDISH_VOWELS = /[åäö]/;

  // spellings lists the words of a shard, as the site writes them, that are the form key or have it for their stem.
  function spellings(sh, key) {
    var out = [];
    var add = function (e) { for (var i = 1; i < e.length; i += 2) out.push(e[i]); };
    if (sh.f[key]) add(sh.f[key]);
    for (var k in sh.f) if (k !== key && sh.f[k][0] === key) add(sh.f[k]);
    return out;
  }

  // vowelsClash reports whether a spelling of the site differs from the query's form in a vowel the reader typed
  // as å, ä or ö, where the two are alike once folded ("gänget" and "gånger"): another word, not another form.
  function vowelsClash(form, spelling) {
    var a = Array.from(form.toLowerCase().normalize('NFC')), b = Array.from(spelling);
    for (var i = 0; i < a.length && i < b.length && fold(a[i]) === fold(b[i]); i++) {
      if (SWEDISH_VOWELS.test(a[i]) && a[i] !== b[i]) return true;
    }
    return false;
  }

  // otherVowels reports whether the site writes every word of key (a form, or the stem of forms) with another vowel
  // than the query's form where the form has å, ä or ö: then key is another word that folds like it. A key the
  // shard has no spelling of is kept.
  function otherVowels(t, sh, key) {
    if (!t.form || !SWEDISH_VOWELS.test(t.form.toLowerCase())) return false;
    var sp = spellings(sh, key);
    return sp.length > 0 && sp.every(function (x) { return vowelsClash(t.form, x); });
  }

  // partForm is the query's word as typed from its from-th letter on, where it has as many letters as its folded
  // key (so that a part of the key is the same part of the form), or '' (no vowels to tell apart).
  function partForm(t, from) {
    var f = Array.from((t.form || '').toLowerCase().normalize('NFC'));
    return f.length === Array.from(t.key).length ? f.slice(from).join('') : '';
  }

  // sameWord reports whether a and b look like two forms of one word: six letters or more alike from the
  // beginning, then endings of at most three letters in all.
  function sameWord(a, b) {
    var c = 0;
    while (c < a.length && c < b.length && a[c] === b[c]) c++;
    var ra = a.length - c, rb = b.length - c;
    return c >= 6 && ra + rb <= 3;
  }

  // slip reports whether a and b differ by two neighbouring letters swapped, or by a letter doubled.
  function slip(a, b) {
    if (a.length === b.length) {
      var i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    var s = a.length < b.length ? a : b, l = a.length < b.length ? b : a;
    if (l.length !== s.length + 1) return false;
    for (var j = 0; j < l.length; j++) {
      if (l.slice(0, j) + l.slice(j + 1) === s) return j > 0 && l[j] === l[j - 1] || j + 1 < l.length && l[j] === l[j + 1];
    }
    return false;
  }

  // nearForms lists the forms of a shard closest in spelling to key, at most max letters away; with stems, a form
  // whose stem is that close counts too, for a key of six letters or more.
  function nearForms(sh, key, max, stems) {
    var best = [], bestD = max;
    stems = stems && key.length >= 6;
    for (var k in sh.f) {
      if (/[0-9]/.test(k)) continue;
      var d = editDistance(k, key, bestD);
      if (d === 0) continue;
      var st = sh.f[k][0];
      if (stems && st !== k && st.length >= 5) d = Math.min(d, editDistance(st, key, bestD));
      if (d > bestD) continue;
      if (d < bestD) { best = []; bestD = d; }
      best.push(k);
    }
    return best;
  }

  // splitQuery finds a compound query word's parts where the text has them apart: the longest head that is a word
  // of the site (as it stands, without a linking s, or with the final a or e compounds drop), or that has the root
  // of one ("vuxen", said as "vuxna"), whose tail is a word too, the documents with both.
  async function splitQuery(t, sh, scores, keys) {
    var cps = Array.from(t.key);
    for (var i = cps.length - 4; i >= 3; i--) {
      var head = cps.slice(0, i).join(''), tail = cps.slice(i).join('');
      // The head as it stands, without a linking s, with the final a or e a compound drops, or both ("samarbets-":
      // "samarbete").
      var bare = head.endsWith('s') ? head.slice(0, -1) : null;
      var heads = [head, bare, head + 'a', head + 'e', bare && bare + 'e', bare && bare + 'a'];
      var h = heads.find(function (x) { return x && x.length >= 3 && sh.f[x]; });
      // A head or tail typed with å, ä or ö is not the site's word of another vowel that folds like it.
      if (h && otherVowels({ form: partForm(t, 0) }, sh, h)) continue;
      var a;
      if (h) {
        a = await matchWord({ key: h, form: h }, 1);
      } else {
        if (head.length < 4) continue;
        a = await matchWord({ key: head, form: head }, 1);
        if (a.tier !== 0 || !a.scores.size) continue;
      }
      var b = await matchWord({ key: tail, form: tail }, 1);
      if (b.tier > 1 || b.stem && otherVowels({ form: partForm(t, i) }, await shard(tail), tail)) continue;
      var found = false;
      a.scores.forEach(function (s, d) {
        if (b.scores.has(d)) { scores.set(d, 0.7 * (s + b.scores.get(d))); found = true; }
      });
      if (found) {
        keys.push.apply(keys, a.keys.concat(b.keys));
        return;
      }
    }
  }

  // search returns the documents that best answer the query, best first, with the keys that matched.
  async function search(q, opts) {
    load('i/syn.json', {}); // in flight while the shards load: matchWord reads it
    var m = await meta();
    if (!m) return { docs: [], keys: [], words: [] };
    var groups = [];
    tokens(q).forEach(function (t) {
      if (!t.secondary) groups.push([t]);
      else if (groups.length) groups[groups.length - 1].push(t);
    });
    var stop = new Set(m.stop), weak = new Set(m.weak || []);
    // A particle verb's noun puts the particle first: "hoppa av" is said "avhopp" and "avhoppare", "följa upp"
    // "uppföljning", "ta emot" "mottagande". A word followed by a particle also tries the two joined so ("avhoppa",
    // whose root is that of "avhoppare"), as another way of writing it: below the word as typed, like a part of a
    // hyphenated word, so it decides only when the word itself finds less.
    for (var pg = 0; pg + 1 < groups.length; pg++) {
      var verb = groups[pg][0], particle = PARTICLES[groups[pg + 1][0].key];
      if (particle && !stop.has(verb.form) && /^[a-zåäö]{2,}$/.test(verb.form)) groups[pg].push(tok(particle + verb.form, true));
    }
    // A question of what to do, in the first person ("vad gör jag om …", "vad ska jag göra"), is answered by the
    // routine for a worry: among the documents that answer the query, it comes first.
    var forms = groups.map(function (g) { return g[0].form; });
    var asks = forms.indexOf('jag') >= 0 && (forms.indexOf('gör') >= 0 || forms.indexOf('göra') >= 0);
    var worry = new Set(asks ? m.wd || [] : []);
    var content = groups.filter(function (g) { return !stop.has(g[0].form); });
    if (content.length) groups = content;
    if (groups.length > 1) groups.forEach(function (g) { g[0].beside = true; });
    var allowed = allowedDocs(m, opts);
    var ndocs = 0;
    for (var dd = 0; dd < m.dr.length; dd++) if (allowed(dd)) ndocs++;
    var total = new Map();
    var keys = [];
    var results = await Promise.all(groups.map(function (g) {
      return Promise.all(g.map(function (t) { return matchWord(t); }));
    }));
    // The documents that have each word's stem only in their sökord, not in their text.
    var asides = await Promise.all(results.map(async function (alts) {
      var st = alts[0].stem;
      return new Set(st ? ((await shard(st)).a || {})[st] || [] : []);
    }));
    var words = [];
    results.forEach(function (alts, gi) {
      // The word as typed; its parts or shorter runs (of a hyphenated word or a number) only when it finds less.
      var tier = Math.min.apply(null, alts.map(function (a, i) { return a.scores.size ? a.tier + (i ? 0.5 : 0) : 9; }));
      var best = new Map();
      alts.forEach(function (a, i) {
        if (!a.scores.size || a.tier + (i ? 0.5 : 0) !== tier) return;
        keys = keys.concat(a.keys);
        var f = i === 0 ? 1 : 0.8;
        a.scores.forEach(function (s, d) {
          if (allowed(d) && !(best.has(d) && best.get(d).s >= s * f)) best.set(d, { s: s * f, l: a.level.get(d) || 2 });
        });
      });
      // How rare the word is among the documents searched (BM25's idf), for weighing it against the others.
      var idf = Math.log(1 + (ndocs - best.size + 0.5) / (best.size + 0.5));
      var shaky = alts.some(function (a, i) { return a.scores.size && a.tier + (i ? 0.5 : 0) === tier && a.shaky; });
      // A word that some document's text says does not make the documents that have it only in their sökord
      // answer the query: the routine's "orolig för en elev eller ungdom" finds it for "ungdomar", but the text
      // that says "föräldrar" answers "stöd för föräldrar till radikaliserade ungdomar". A word no text says
      // ("kollega") is the sökord's to find, and decides there.
      var aside = asides[gi], said = false;
      best.forEach(function (_, d) { if (!aside.has(d)) said = true; });
      if (said) best.forEach(function (v, d) { if (aside.has(d)) v.aside = true; });
      words.push({ token: groups[gi][0], stem: alts[0].stem, found: best.size > 0, idf: idf, docs: best,
        tier: best.size ? tier : 9, loose: tier >= 1 && shaky, weak: weak.has(groups[gi][0].key) });
    });
    // A weak word of a question ("sitter", "verkar") and a loose match (a stem the word begins with, the beginning
    // of longer words, a compound split) never decide while another word matches as the site says it: "var sitter
    // samordnaren" is about the coordinator, not the places that say "sitt". They add a little to the documents
    // that have them. Only when no word matches so does every word found decide.
    var firm = words.some(function (w) { return w.found && !w.weak && !w.loose; });
    words.forEach(function (w) { w.weak = w.found && firm && (w.weak || w.loose); });
    // The words that decide which documents answer: those at least half as rare as the rarest word found. A common
    // word ("socialtjänsten", "vart") that the answer lacks must not send the results to the places that have it;
    // it still adds its BM25 to the documents that have it. Each word's BM25 is weighed by its idf against the
    // rarest word's, so that among the documents with the same words, the rarer word's matches weigh the most.
    var rarest = words.reduce(function (x, w) { return w.found && !w.weak ? Math.max(x, w.idf) : x; }, 0);
    // A document's sökord name its subject: they decide for the query's rarest word, but another word that some
    // text says does not make a document answer only because its sökord have it.
    words.forEach(function (w) {
      if (w.idf >= rarest) w.docs.forEach(function (v) { v.aside = false; });
    });
    words.forEach(function (w) {
      var counts = !w.weak && w.idf >= rarest / 2;
      var f = w.weak ? Math.min(w.idf, rarest / 2) / rarest : w.idf / rarest;
      w.docs.forEach(function (v, d) {
        var r = total.get(d) || { doc: d, score: 0, words: 0, level: 0, rare: 0, pairs: 0, phrase: 0, worry: worry.has(d) ? 1 : 0 };
        r.score += v.s * f;
        if (counts && !v.aside) {
          r.words++;
          r.level += v.l;
          r.rare += w.idf;
        }
        total.set(d, r);
      });
    });
    // Two words in a row that the text has in a row: a phrase.
    var pairs = 0;
    for (var w = 0; w + 1 < words.length; w++) {
      var a = words[w].stem, b = words[w + 1].stem;
      if (!a || !b || a === b || words[w].weak || words[w + 1].weak) continue;
      pairs++;
      var docs = (await shard(a)).b;
      (docs && docs[a + ' ' + b] || []).forEach(function (d) {
        var r = total.get(d);
        if (r) r.pairs++;
      });
    }
    // The coordinator's phrases (sökord): a query with the same words, function and weak words aside, finds them
    // first; then one with all but one of the words of a phrase of three or more.
    var stems = words.filter(function (x) { return !weak.has(x.token.key); }).map(function (x) { return x.stem; });
    if (stems.length && stems.every(Boolean)) {
      var pk = Array.from(new Set(stems)).sort().join(' ');
      var psh = await shard(pk);
      (psh.q && psh.q[pk] || []).forEach(function (d) {
        var r = total.get(d);
        if (r) r.phrase = 1;
      });
      (psh.k && psh.k[pk] || []).forEach(function (d) {
        var r = total.get(d);
        if (r) r.phrase = 2;
      });
    }
    var list = Array.from(total.values());
    // Several words narrow the results: the documents with the most of the words that decide; and when some have
    // the words as a phrase, those.
    // A key figure's table restates what the plan's text says: it answers with the sections and rows that have as
    // many of the words, after them, and alone only with more of them ("projektrapport 2/2019").
    list.forEach(function (r) { r.rank = m.k[r.doc] === 'n' ? r.words - 0.5 : r.words; });
    var most = list.reduce(function (n, r) { return Math.max(n, r.rank); }, 0);
    var text = list.reduce(function (n, r) { return m.k[r.doc] === 'n' ? n : Math.max(n, r.words); }, 0);
    list = list.filter(function (r) {
      return m.k[r.doc] === 'n' ? r.words >= text : r.words === text && (text > 0 || most <= 0);
    });
    if (pairs > 0 && list.some(function (r) { return r.pairs === pairs; })) {
      list = list.filter(function (r) { return r.pairs === pairs || r.phrase; });
    }
    // Among documents with as many deciding words, the rarer words first, then those that say them rather than
    // derive them or have them through the glossary or a synonym: how a word is matched only compares documents
    // with the same words. "hur gammal måste man vara för att få hjälp av SIG": "gammal" (ålder, by a synonym, in
    // one section) answers before "hjälp" (said in six).
    list.sort(function (a, b) {
      return (b.phrase - a.phrase) || (b.worry - a.worry) || (b.rank - a.rank) || (b.pairs - a.pairs) || (b.rare - a.rare) || (b.level - a.level) || (b.score - a.score) || (a.doc - b.doc);
    });
    return { docs: list, keys: keys, words: words };
  }

  // A document is a distinct text, with the revisions that have it (m.dr: runs [from, to) of indices into
  // m.revs). scopeMask marks the revisions searched: the plan in force, one year (opts.year), or all of them.
  function scopeMask(m, opts) {
    var year = opts.year || m.cur;
    return m.revs.map(function (r) { return opts.all || r.y === year; });
  }

  // revisionsIn lists the revisions of document d that the mask marks, as indices into m.revs.
  function revisionsIn(m, d, mask) {
    var out = [], runs = m.dr[d];
    for (var i = 0; i + 1 < runs.length; i += 2) {
      for (var r = runs[i]; r < runs[i + 1]; r++) if (mask[r]) out.push(r);
    }
    return out;
  }

  function inScope(m, d, mask) {
    var runs = m.dr[d];
    for (var i = 0; i + 1 < runs.length; i += 2) {
      for (var r = runs[i]; r < runs[i + 1]; r++) if (mask[r]) return true;
    }
    return false;
  }

  function allowedDocs(m, opts) {
    var mask = scopeMask(m, opts);
    return function (d) {
      if (opts.kind && m.k[d] !== opts.kind) return false;
      if (opts.ansvarig !== '' && String(m.da[d]) !== opts.ansvarig) return false;
      return inScope(m, d, mask);
    };
  }

  // The page.
  var form, field, scope, kind, ansvarig, status, list, empty;
  var describeChoices = function () {}; // set by showChoices

  function ansvarigValue() {
    var c = ansvarig.querySelector('input[name="ansvarig"]:checked');
    return c ? c.value : '';
  }

  // scopeOpts reads the scope chosen: all years, one year, or (neither) the plan in force.
  function scopeOpts(m) {
    var v = scope.value;
    return { all: v === 'alla', year: /^[0-9]+$/.test(v) && Number(v) !== m.cur ? Number(v) : 0 };
  }

  // fillAnsvarig lists, whole, the Ansvarig of the activities in the chosen years only, keeping the choice when
  // it is among them.
  function fillAnsvarig(m, chosen) {
    var mask = scopeMask(m, scopeOpts(m));
    var used = new Set();
    for (var d = 0; d < m.k.length; d++) {
      if (m.da[d] >= 0 && !used.has(m.da[d]) && inScope(m, d, mask)) used.add(m.da[d]);
    }
    ansvarig.querySelectorAll('div + div').forEach(function (d) { d.remove(); });
    var any = false;
    m.ans.forEach(function (a, i) {
      if (!used.has(i)) return;
      var d = el('div');
      var input = el('input');
      input.type = 'radio';
      input.name = 'ansvarig';
      input.id = 'sok-ansvarig-' + i;
      input.value = String(i);
      if (String(i) === chosen) { input.checked = true; any = true; }
      var label = el('label', '', a);
      label.htmlFor = input.id;
      d.appendChild(input);
      d.appendChild(label);
      ansvarig.appendChild(d);
    });
    if (!any) document.getElementById('sok-ansvarig-alla').checked = true;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // snippet shows the words around the first match, with every matched word marked. isHit is asked about as few
  // words as it takes: up to the first match, then the words shown.
  function snippet(text, isHit) {
    var p = el('p', 'search-result__snippet');
    var re = /[\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*/gu;
    var words = [];
    var mm;
    while ((mm = re.exec(text)) !== null) words.push({ at: mm.index, end: re.lastIndex, word: mm[0] });
    if (words.length === 0) return p;
    var first = -1;
    for (var w = 0; w < words.length && first < 0; w++) if (isHit(words[w].word)) first = w;
    var from = Math.max(0, (first < 0 ? 0 : first) - 10);
    var to = Math.min(words.length, from + 32);
    var start = words[from].at;
    var end = to < words.length ? words[to - 1].end : text.length;
    if (from > 0) p.appendChild(document.createTextNode('… '));
    var pos = start;
    for (var i = from; i < to; i++) {
      if (first < 0 || i < first || !isHit(words[i].word)) continue;
      p.appendChild(document.createTextNode(text.slice(pos, words[i].at)));
      p.appendChild(el('mark', '', text.slice(words[i].at, words[i].end)));
      pos = words[i].end;
    }
    p.appendChild(document.createTextNode(text.slice(pos, end) + (to < words.length ? ' …' : '')));
    return p;
  }

  // hitter returns whether a word of the text is one the query matched, each word worked out once.
  function hitter(keys) {
    var ks = Array.from(new Set(keys)).filter(function (k) { return k.length >= 3; });
    var memo = new Map();
    return function (word) {
      var h = memo.get(word);
      if (h === undefined) {
        var f = fold(word);
        h = ks.some(function (k) { return f.lastIndexOf(k, 0) === 0 || (k.length >= 4 && f.indexOf(k) > 0); });
        memo.set(word, h);
      }
      return h;
    };
  }

  var kinds = { s: 'Avsnitt', a: 'Aktivitet', n: 'Nyckeltal' };

  // yearList names revisions (indices into m.revs, ascending) the way a reader counts them: a run of three or
  // more as a span, "2020–2037 och 2039".
  function yearList(m, revs) {
    var parts = [];
    for (var i = 0; i < revs.length;) {
      var j = i;
      while (j + 1 < revs.length && revs[j + 1] === revs[j] + 1) j++;
      if (j - i >= 2) parts.push(m.revs[revs[i]].y + '–' + m.revs[revs[j]].y);
      else for (var k = i; k <= j; k++) parts.push(String(m.revs[revs[k]].y));
      i = j + 1;
    }
    return parts.length > 1 ? parts.slice(0, -1).join(', ') + ' och ' + parts[parts.length - 1] : parts.join('');
  }

  // place works out where a result leads and what its line of facts says. A text that several of the years
  // searched have is one result: it leads to the plan in force when that has it, or else to the newest, and names
  // the other years ("Avsnitt i planen 2039, samma text i 2020–2037").
  function place(m, d, mask) {
    var revs = revisionsIn(m, d, mask);
    var cur = -1;
    revs.forEach(function (r) { if (m.revs[r].y === m.cur) cur = r; });
    var to = cur >= 0 ? cur : revs[revs.length - 1];
    var others = revs.filter(function (r) { return r !== to; });
    return {
      year: m.revs[to].y,
      meta: kinds[m.k[d]] + ' i planen ' + m.revs[to].y + (others.length ? ', samma text i ' + yearList(m, others) : '')
    };
  }

  function render(q, found, frags, m, opts, help) {
    var isHit = hitter(found.keys);
    var mask = scopeMask(m, opts);
    list.textContent = '';
    empty.textContent = '';
    empty.hidden = true;
    frags.forEach(function (f, i) {
      if (!f) return;
      var d = found.docs[i].doc, k = m.k[d], at = place(m, d, mask);
      var li = el('li', 'search-result');
      var a = el('a', 'search-result__link');
      a.href = new URL(at.year + '/#' + f.u, new URL('../', indexBase)).href;
      var title = f.t.join(' › ');
      if (k === 'a') title += ' › ' + shorten(f.x, 80);
      a.textContent = title;
      var h = el('h2', 'search-result__title');
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(el('p', 'search-result__meta', at.meta));
      li.appendChild(snippet(f.x, isHit));
      if (k === 'a') {
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
    var where = opts.all ? 'alla år' : 'planen ' + (opts.year || m.cur);
    if (n === 0) renderEmpty(q, m, opts, help);
    status.textContent = n === 0 ? 'Inga träffar för ”' + q + '” i ' + where + '.' :
      (n === 1 ? '1 träff' : n + ' träffar') + ' för ”' + q + '” i ' + where + (n > frags.length ? ', de ' + frags.length + ' bästa visas.' : '.');
  }

  // renderEmpty says what to do when nothing is found: spellings the plan has, the other years, the routine for
  // a worry, the table of contents and the abbreviations. The page is never blank.
  function renderEmpty(q, m, opts, help) {
    var root = new URL('../', indexBase);
    function link(text, href) {
      var a = el('a', '', text);
      a.href = href;
      return a;
    }
    function searchHref(query, omfang) {
      var p = new URLSearchParams();
      p.set('q', query);
      if (omfang) p.set('omfang', omfang);
      return location.pathname + '?' + p;
    }
    if (help.suggestions.length) {
      var p = el('p', '', 'Menade du ');
      help.suggestions.forEach(function (s, i) {
        if (i > 0) p.appendChild(document.createTextNode(i === help.suggestions.length - 1 ? ' eller ' : ', '));
        p.appendChild(link(s, searchHref(s, opts.all ? 'alla' : opts.year ? String(opts.year) : '')));
      });
      p.appendChild(document.createTextNode('?'));
      empty.appendChild(p);
    }
    if (!opts.all) {
      var pa = el('p');
      pa.appendChild(link('Sök i alla år', searchHref(q, 'alla')));
      pa.appendChild(document.createTextNode(help.allYears > 0 ?
        ' (' + (help.allYears === 1 ? '1 träff' : help.allYears + ' träffar') + ' i andra års planer)' : ' (också andra års planer)'));
      empty.appendChild(pa);
    }
    var cur = m.revs.filter(function (r) { return r.y === m.cur; })[0];
    var po = el('p');
    if (cur && cur.w) {
      po.appendChild(document.createTextNode('Känner du oro för någon? Läs '));
      po.appendChild(link('rutinen vid oro', new URL(cur.w, root).href));
      po.appendChild(document.createTextNode('. '));
    }
    po.appendChild(document.createTextNode('Du kan också bläddra i '));
    po.appendChild(link('planens innehåll', new URL(m.cur + '/#innehall', root).href));
    po.appendChild(document.createTextNode(' eller läsa '));
    po.appendChild(link('förkortningslistan', new URL('forkortningar/', root).href));
    po.appendChild(document.createTextNode('.'));
    empty.appendChild(po);
    empty.hidden = false;
  }

  // helpFor works out, for a query that found nothing, the spellings of the plan closest to its words, and the
  // number of hits in all years.
  async function helpFor(q, found, opts) {
    var help = { suggestions: [], allYears: 0 };
    if (found.docs.length) return help;
    if (!opts.all) help.allYears = (await search(q, { all: true, kind: '', ansvarig: '' })).docs.length;
    for (var i = 0; i < found.words.length; i++) {
      var w = found.words[i];
      if (w.found || /[0-9]/.test(w.token.key) || w.token.key.length < 3) continue;
      var sh = await shard(w.token.key);
      var near = nearForms(sh, w.token.key, w.token.key.length >= 8 ? 3 : w.token.key.length >= 5 ? 2 : 1);
      near.sort(function (a, b) { return count(sh.f[b]) - count(sh.f[a]) || (a < b ? -1 : 1); });
      near.slice(0, 3).forEach(function (k) {
        var form = sh.f[k][1]; // the spelling, with å, ä and ö
        help.suggestions.push(q.replace(new RegExp(w.token.form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), form));
      });
    }
    help.suggestions = Array.from(new Set(help.suggestions)).slice(0, 3);
    return help;
  }

  // count is the number of documents with a form entry's spellings.
  function count(entry) {
    var n = 0;
    for (var i = 2; i < entry.length; i += 2) n += entry[i].length;
    return n;
  }

  function shorten(s, n) {
    if (s.length <= n) return s;
    var cut = s.slice(0, n);
    var sp = cut.lastIndexOf(' ');
    return (sp > n / 2 ? cut.slice(0, sp) : cut) + ' …';
  }

  var generation = 0;
  async function run() {
    describeChoices();
    var q = field.value.trim();
    var m = await meta();
    var sc = m ? scopeOpts(m) : { all: scope.value === 'alla', year: 0 };
    var opts = { all: sc.all, year: sc.year, kind: kind.value, ansvarig: ansvarigValue() };
    var params = new URLSearchParams();
    if (q) params.set('q', q);
    if (opts.all) params.set('omfang', 'alla');
    else if (opts.year) params.set('omfang', String(opts.year));
    if (opts.kind) params.set('typ', opts.kind);
    if (opts.ansvarig) params.set('ansvarig', opts.ansvarig);
    var url = location.pathname + (params.toString() ? '?' + params : '');
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
    var mine = ++generation;
    if (!q) {
      list.textContent = '';
      empty.textContent = '';
      empty.hidden = true;
      status.textContent = 'Skriv ett eller flera ord att söka efter.';
      return;
    }
    // From the query to the results drawn, measured in the page: performance.getEntriesByName('sok').
    performance.mark('sok-start-' + mine);
    var found = await search(q, opts);
    var top = found.docs.slice(0, 10);
    var frags = await Promise.all(top.map(function (r) { return fragment(r.doc); }));
    var help = await helpFor(q, found, opts);
    if (mine !== generation) return; // a newer query has started
    render(q, found, frags, m, opts, help);
    performance.mark('sok-ritad-' + mine);
    performance.clearMeasures('sok');
    performance.measure('sok', 'sok-start-' + mine, 'sok-ritad-' + mine);
    performance.clearMarks('sok-start-' + mine);
    performance.clearMarks('sok-ritad-' + mine);
  }

  // showChoices opens the filters on a wide screen, or when the address narrows the search, and keeps their
  // summary naming what is chosen ("Avgränsa sökningen: alla år, bara aktiviteter"), so that a reader on a phone,
  // whose filters are folded away to leave the results in sight, sees that the results are narrowed.
  function showChoices(params) {
    var more = document.getElementById('sok-avgransa');
    var chosen = document.getElementById('sok-valt');
    if (!more || !chosen) return;
    describeChoices = function () {
      var parts = [];
      if (scope.value) parts.push(scope.value === 'alla' ? 'alla år' : 'planen ' + scope.value);
      if (kind.value) parts.push(kind.value === 's' ? 'bara avsnitt' : 'bara aktiviteter');
      if (ansvarigValue()) parts.push('en ansvarig');
      chosen.textContent = parts.length ? ': ' + parts.join(', ') : '';
      return parts.length > 0;
    };
    if (describeChoices() || params.get('ansvarig') || window.matchMedia('(min-width: 40em)').matches) more.open = true;
  }

  async function init() {
    form = document.querySelector('.search-form');
    field = document.getElementById('sok-q');
    scope = document.getElementById('sok-omfang');
    kind = document.getElementById('sok-typ');
    ansvarig = document.getElementById('sok-ansvarig');
    status = document.getElementById('sok-status');
    list = document.getElementById('sok-resultat');
    empty = document.getElementById('sok-tomt');
    if (!form || !field) return;
    var params = new URLSearchParams(location.search);
    field.value = params.get('q') || '';
    scope.value = params.get('omfang') || '';
    if (scope.selectedIndex < 0) scope.value = ''; // a year the site does not have
    kind.value = /^[sa]$/.test(params.get('typ') || '') ? params.get('typ') : '';
    var m = await meta();
    if (m) fillAnsvarig(m, params.get('ansvarig') || '');
    showChoices(params);
    var timer = 0;
    field.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    scope.addEventListener('change', function () {
      meta().then(function (m) { if (m) fillAnsvarig(m, ansvarigValue()); run(); });
    });
    [kind, ansvarig].forEach(function (s) { s.addEventListener('change', run); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      run();
    });
    if (!field.value) field.focus();
    await run();
    document.documentElement.dataset.sokReady = 'true';
  }

  window.plansiteSearch = { fold: fold, tokens: tokens, root: root, search: search, fragment: fragment, run: run };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
