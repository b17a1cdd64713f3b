// plansite's live preview, added to every page the preview serves and never to the built site. It listens for
// the server's events. When what the server has at this page's address changes, it fetches the new HTML and patches
// the page in place, so that the reader keeps their scroll position, focus, typed text and open parts; when the
// layouts, styles or scripts changed, it reloads the page. The problems of a failed build, and the warnings of a
// good one, are shown over the page.
(function () {
  'use strict';
  var me = document.currentScript;
  var build = me ? +me.getAttribute('data-build') : 0; // the build this page's HTML comes from
  var page = me ? me.getAttribute('data-page') : null; // and its fingerprint, which the server's events compare

  // What the server sent for each node of the page, as it sent it. A patch applies what changed between that and
  // the new HTML, and leaves alone what the page's scripts or the reader changed since: a <details> opened, a form
  // shown, an element a script added. The page is copied now, before the deferred scripts run; nothing but the
  // end tags follows this script.
  var sent = new WeakMap();
  function pair(live, from) {
    sent.set(live, from);
    for (var a = live.firstChild, b = from.firstChild; a && b; a = a.nextSibling, b = b.nextSibling) { pair(a, b); }
  }
  pair(document.documentElement, document.documentElement.cloneNode(true));

  // unchanged reports whether the server sends x's node exactly as n.
  function unchanged(x, n) { var s = sent.get(x); return !!s && s.isEqualNode(n); }
  // ours reports whether x is an element the page's scripts made, which a patch leaves where it is.
  function ours(x) { return x.nodeType === 1 && !sent.has(x); }
  function alike(x, n) {
    return x.nodeType === n.nodeType && (x.nodeType !== 1 || (x.tagName === n.tagName && x.id === n.id));
  }

  // A section the server sends empty, marked SAME, is one this page has as the server sent it before (same.go):
  // sameAs finds it by its start tag, which the server made sure is found once in each version.
  var SAME = 'data-plansite-same';
  function sameAs(x, n) {
    var s = sent.get(x);
    if (!s || s.nodeType !== 1 || s.tagName !== n.tagName || s.attributes.length !== n.attributes.length - 1) { return false; }
    for (var i = 0; i < s.attributes.length; i++) {
      var a = s.attributes[i];
      if (n.getAttributeNS(a.namespaceURI, a.localName) !== a.value) { return false; }
    }
    return true;
  }
  // complete reports whether the page has every section the new HTML leaves out, so that a patch can keep them.
  function complete(next) {
    var kept = Array.prototype.slice.call(document.getElementsByTagName('section'));
    return Array.prototype.every.call(next.querySelectorAll('[' + SAME + ']'), function (n) {
      return kept.some(function (x) { return sameAs(x, n); });
    });
  }

  // morph makes live, a node of the page, show next, the same node in the new HTML.
  function morph(live, next) {
    var was = sent.get(live);
    if (was && was.isEqualNode(next)) { return; } // the server changed nothing here
    if (live.nodeType !== 1) {
      if (live.nodeValue !== next.nodeValue) { live.nodeValue = next.nodeValue; }
    } else {
      attributes(live, was, next);
      children(live, next);
    }
    sent.set(live, next);
  }

  // attributes sets those the server changed, and keeps those only the page changed (open, hidden, a value).
  function attributes(live, was, next) {
    var i, a;
    for (i = 0; i < next.attributes.length; i++) {
      a = next.attributes[i];
      if (was && was.getAttributeNS(a.namespaceURI, a.localName) === a.value) { continue; }
      if (live.getAttributeNS(a.namespaceURI, a.localName) !== a.value) { live.setAttributeNS(a.namespaceURI, a.name, a.value); }
    }
    for (i = live.attributes.length - 1; i >= 0; i--) {
      a = live.attributes[i];
      if (!next.hasAttributeNS(a.namespaceURI, a.localName) && (!was || was.hasAttributeNS(a.namespaceURI, a.localName))) {
        live.removeAttributeNS(a.namespaceURI, a.localName);
      }
    }
  }

  // children matches the page's children with the new ones: first what the server sends unchanged, then by id,
  // then a node inserted or removed before one that is unchanged, and last an edit in place.
  var look = 8; // how far ahead a match is looked for
  function children(live, next) {
    var have = Array.prototype.filter.call(live.childNodes, function (x) { return !ours(x); });
    var want = Array.prototype.slice.call(next.childNodes);
    var ids = new Map();
    have.forEach(function (x) { if (x.nodeType === 1 && x.id) { ids.set(x.id, x); } });
    var used = new Set();
    var i = 0;
    want.forEach(function (n, j) {
      while (i < have.length && used.has(have[i])) { i++; }
      var cur = have[i], m = null, k;
      if (n.nodeType === 1 && n.hasAttribute(SAME)) {
        // A section the server did not send again, since this page has it as it was: it stays as it is.
        m = have.find(function (x) { return !used.has(x) && sameAs(x, n); });
        used.add(m);
        if (m !== cur) { move(live, m, cur || null); }
        return;
      }
      if (cur && unchanged(cur, n)) {
        m = cur;
      } else if (n.nodeType === 1 && n.id && ids.has(n.id) && !used.has(ids.get(n.id)) && ids.get(n.id).tagName === n.tagName) {
        m = ids.get(n.id);
      } else if (cur && want.slice(j + 1, j + 1 + look).some(function (w) { return unchanged(cur, w); })) {
        m = null; // cur comes later: n is new
      } else {
        for (k = i + 1; k < Math.min(have.length, i + 1 + look); k++) {
          if (!used.has(have[k]) && unchanged(have[k], n)) { break; }
        }
        if (k < Math.min(have.length, i + 1 + look)) {
          for (; i < k; i++) { if (!used.has(have[i])) { used.add(have[i]); have[i].remove(); } }
          cur = have[i];
          m = cur;
        } else if (cur && alike(cur, n) && !(n.nodeType === 1 && n.id && ids.has(n.id))) {
          m = cur;
        }
      }
      if (m) {
        used.add(m);
        if (m !== cur) { move(live, m, cur || null); }
        morph(m, n);
      } else {
        var fresh = document.importNode(n, true);
        pair(fresh, n);
        live.insertBefore(fresh, cur || null);
      }
    });
    have.forEach(function (x) { if (!used.has(x)) { x.remove(); } });
  }
  function move(parent, node, before) {
    if (parent.moveBefore) {
      try { parent.moveBefore(node, before); return; } catch (e) { /* not movable so: insert */ }
    }
    parent.insertBefore(node, before);
  }

  // assets lists the styles and scripts a document loads: when they differ, a patch cannot do, and the page reloads.
  function assets(doc) {
    return Array.prototype.map.call(doc.querySelectorAll('link[rel~="stylesheet"], script[src]'), function (e) {
      return e.tagName === 'SCRIPT' ? (/\/__plansite\//.test(e.getAttribute('src')) ? '' : e.getAttribute('src')) : e.getAttribute('href');
    }).join(' ');
  }

  var es = null;
  var leaving = false; // reloading: what the stream says next is for the new page, not this one
  function reload() { leaving = true; if (es) { es.close(); } done(); location.reload(); }
  // done tells the server the page shows what it was told of: the server waits for it before it renders the rest.
  var id = Math.random().toString(36).slice(2);
  function done() {
    fetch('/__plansite/patched?id=' + id + '&page=' + encodeURIComponent(page || ''), {method: 'POST', keepalive: true}).catch(function () {});
  }

  // The steps of a patch are marked on the page's performance timeline (plansite-told, -fetch, -fetched, -parsed,
  // -patched), for make bench-live.
  function mark(step) { if (performance.mark) { performance.mark('plansite-' + step); } }

  var busy = false, again = false;
  // patch fetches the page's new HTML and patches the page with it. The page says which version it shows, and the
  // server leaves out the sections that are the same in it; with whole, it asks for the whole page.
  function patch(whole) {
    if (busy) { again = true; return; }
    busy = true;
    again = false;
    var refetch = false;
    mark('fetch');
    var headers = whole || !page ? {} : {'X-Plansite-Have': page};
    fetch(location.pathname + location.search, {cache: 'no-store', headers: headers}).then(function (r) { return r.text(); }).then(function (text) {
      if (leaving) { return; }
      mark('fetched');
      var next = new DOMParser().parseFromString(text, 'text/html');
      mark('parsed');
      var tag = next.querySelector('script[src$="/__plansite/live.js"]');
      if (!tag || assets(next) !== assets(document)) { reload(); return; }
      if (!complete(next)) { refetch = true; return; } // a section a script moved or changed: fetch it all
      morph(document.documentElement, next.documentElement);
      build = +tag.getAttribute('data-build');
      page = tag.getAttribute('data-page');
      mark('patched');
      done();
      document.dispatchEvent(new CustomEvent('plansite:patched'));
    }).catch(function () { reload(); }).then(function () {
      busy = false;
      if (leaving) { return; }
      if (refetch) { patch(true); } else if (again) { patch(false); }
    });
  }

  var box = null, boxData = null;
  function hide() { if (box) { box.remove(); box = null; boxData = null; } }
  function show(problems, warn) {
    hide();
    box = document.createElement('div');
    box.id = warn ? 'plansite-warnings' : 'plansite-problems';
    box.setAttribute('role', warn ? 'status' : 'alert');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
      'background:#fff;color:#1b1b1b;border-top:6px solid ' + (warn ? '#8a5a00' : '#a4000f') + ';padding:1rem 1.25rem;' +
      'font:15px/1.45 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)';
    var h = document.createElement('h2');
    h.textContent = warn ?
      (problems.length === 1 ? '1 varning' : problems.length + ' varningar') + ' om innehållet. Webbplatsen byggdes ändå.' :
      'Bygget misslyckades: ' + problems.length + ' fel. Sidan visar den senaste fungerande versionen.';
    h.style.cssText = 'margin:0 0 .5rem;font-size:1.1rem';
    box.appendChild(h);
    var ul = document.createElement('ul');
    ul.style.cssText = 'margin:0;padding-left:1.25rem;font-family:ui-monospace,monospace;white-space:pre-wrap';
    problems.forEach(function (p) { var li = document.createElement('li'); li.textContent = p; ul.appendChild(li); });
    box.appendChild(ul);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dölj';
    close.style.cssText = 'margin-top:.75rem;font:inherit';
    close.onclick = hide;
    box.appendChild(close);
    document.body.appendChild(box);
  }

  es = new EventSource('/__plansite/events?page=' + encodeURIComponent(location.pathname) + '&id=' + id +
    '&have=' + encodeURIComponent(page || ''));
  var warned = false;
  es.addEventListener('build', function (e) {
    if (leaving) { return; }
    var s = JSON.parse(e.data);
    if (box && (!warned || (!s.partial && !s.warned))) { hide(); } // the problems are fixed, or the warnings gone
    if (s.whole > build) { reload(); return; }
    if (s.page !== page) { mark('told'); patch(false); }
  });
  // Warnings the coordinator has hidden stay hidden on the next pages, until they change.
  function dismissed(d) { try { return sessionStorage.getItem('plansite-warnings') === d; } catch (x) { return false; } }
  es.addEventListener('warnings', function (e) {
    if (leaving) { return; }
    warned = true;
    if (dismissed(e.data) || (box && boxData === e.data)) { return; }
    show(JSON.parse(e.data), true);
    boxData = e.data;
    box.querySelector('button').addEventListener('click', function () {
      try { sessionStorage.setItem('plansite-warnings', e.data); } catch (x) { /* private mode */ }
    });
  });
  es.addEventListener('problems', function (e) { if (!leaving) { warned = false; show(JSON.parse(e.data), false); } });
})();
