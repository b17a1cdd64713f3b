// plansite: the one script on every page. "/" moves the focus to the search field, as on many sites; nothing else
// depends on JavaScript.
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
