// plansite: the one script on every page. "/" moves the focus to the search field, as on many sites; the version
// switcher keeps the reader's place; the comparison index gets a form; a comparison's unchanged section is loaded
// when opened. Everything works without it.
document.addEventListener('keydown', function (e) {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  var t = e.target;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  var field = document.getElementById('sok-q') || document.getElementById('sok-falt');
  if (!field) return;
  e.preventDefault();
  field.focus();
  field.select();
});

// The version switcher keeps the reader's place: from /2020/#x, 2021 opens at #x. Where a page has no element
// with the id in its address (the section or activity is not in that revision), it opens the item's history.
document.addEventListener('click', function (e) {
  var a = e.target.closest && e.target.closest('.versions a');
  if (!a || !location.hash || a.hash || !/\/\d{4}\/$/.test(a.pathname)) return;
  a.hash = location.hash;
});
(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  var root = document.body.getAttribute('data-root');
  if (!id || root === null || document.getElementById(id) || !/^[a-z0-9-]+$/.test(id) || !/\/\d{4}\/$/.test(location.pathname)) return;
  fetch(root + 'historik/ids.json').then(function (r) { return r.ok ? r.json() : []; }).then(function (ids) {
    if (ids.indexOf(id) >= 0) location.replace(root + 'historik/' + id + '/');
  }).catch(function () { /* no history: stay at the top of the page */ });
})();

// The comparison index's form leads to the comparison of two revisions, in either order. A pair without a page of
// its own (neither consecutive nor with the plan in force) is told as the comparisons that have one.
(function () {
  var form = document.getElementById('jamfor-form');
  if (!form) return;
  form.hidden = false;
  var published = (form.getAttribute('data-pairs') || '').split(' ');
  var home = +form.getAttribute('data-home');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var a = +document.getElementById('jamfor-fran').value, b = +document.getElementById('jamfor-till').value;
    var err = document.getElementById('jamfor-fel');
    err.textContent = '';
    if (a === b) { err.textContent = 'Välj två olika år.'; return; }
    var from = Math.min(a, b), to = Math.max(a, b);
    if (published.indexOf(from + '-' + to) >= 0) { location.href = from + '-' + to + '/'; return; }
    var links = [];
    [from, to].forEach(function (y) {
      var p = Math.min(y, home) + '-' + Math.max(y, home);
      if (published.indexOf(p) >= 0) links.push(p);
    });
    published.forEach(function (p) {
      var ys = p.split('-');
      if (+ys[1] === +ys[0] + 1 && +ys[0] >= from && +ys[1] <= to && links.indexOf(p) < 0) links.push(p);
    });
    err.appendChild(document.createTextNode('Det finns ingen egen sida för ' + from + '–' + to +
      '. Varje revidering jämförs med den före och med den gällande planen. Se: '));
    links.forEach(function (p, i) {
      var l = document.createElement('a');
      l.href = p + '/';
      l.textContent = p.replace('-', '–');
      if (i > 0) err.appendChild(document.createTextNode(', '));
      err.appendChild(l);
    });
    err.appendChild(document.createTextNode('.'));
  });
})();

// A comparison page carries what changed. An unchanged section is folded with a link to it; opened, it is loaded
// from the newer revision's page, its addresses made to work here. Without the script, the link leads there.
document.addEventListener('toggle', function (e) {
  var d = e.target;
  if (!d.open || !d.matches || !d.matches('details[data-src]') || d.hasAttribute('data-loaded')) return;
  d.setAttribute('data-loaded', '');
  var from = new URL(d.getAttribute('data-src'), location.href);
  fetch(from.pathname).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.text();
  }).then(function (text) {
    var doc = new DOMParser().parseFromString(text, 'text/html');
    var h = doc.getElementById(decodeURIComponent(from.hash.slice(1)));
    var section = h && h.closest('section');
    if (!section) throw new Error('not found');
    h.remove();
    section.querySelectorAll('[href],[src]').forEach(function (el) {
      ['href', 'src'].forEach(function (a) {
        var v = el.getAttribute(a);
        if (v !== null) el.setAttribute(a, new URL(v, from).href);
      });
    });
    var body = d.querySelector('.diff-unchanged__body');
    body.textContent = '';
    Array.prototype.forEach.call(section.childNodes, function (n) { body.appendChild(document.importNode(n, true)); });
  }).catch(function () { d.removeAttribute('data-loaded'); /* the link stays */ });
}, true);
