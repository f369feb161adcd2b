// Reader interactions: select a claim (or figure) in the side panel and its spans light up in the
// text; click a marked span and its claim is selected in the panel. No data leaves the page.
(function () {
  'use strict';
  var article = document.querySelector('article.reader');
  if (!article) return;
  var text = document.getElementById('doc-text');

  function clear() {
    document.querySelectorAll('.sel').forEach(function (el) {
      el.classList.remove('sel');
      if (el.hasAttribute('aria-pressed')) el.setAttribute('aria-pressed', 'false');
    });
  }

  function spansOf(attr, id) {
    return text.querySelectorAll('[' + attr + '~="' + CSS.escape(id) + '"]');
  }

  function select(kind, id, opts) {
    clear();
    var attr = kind === 'claim' ? 'data-claims' : 'data-figures';
    var spans = spansOf(attr, id);
    spans.forEach(function (s) { s.classList.add('sel'); });
    var item = kind === 'claim'
      ? document.getElementById('claim-' + id)
      : document.querySelector('.fig-item[data-figure="' + CSS.escape(id) + '"]');
    if (item) {
      item.classList.add('sel');
      if (item.hasAttribute('aria-pressed')) item.setAttribute('aria-pressed', 'true');
    }
    if (opts && opts.scrollText && spans[0]) spans[0].scrollIntoView({ block: 'center', behavior: opts.smooth ? 'smooth' : 'auto' });
    if (opts && opts.scrollPanel && item) item.scrollIntoView({ block: 'nearest', behavior: opts.smooth ? 'smooth' : 'auto' });
    var url = new URL(location.href);
    url.searchParams.delete('claim');
    url.searchParams.delete('figure');
    url.searchParams.set(kind, id);
    url.hash = kind === 'claim' ? 'claim-' + id : 'doc-text';
    history.replaceState(null, '', url);
  }

  document.querySelectorAll('.claim-item').forEach(function (item) {
    function go(ev) {
      if (ev.target.closest('a')) return;
      select('claim', item.dataset.claim, { scrollText: true, smooth: true });
    }
    item.addEventListener('click', go);
    item.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(ev); }
    });
  });
  document.querySelectorAll('.fig-item').forEach(function (item) {
    function go(ev) {
      if (ev.target.closest('a')) return;
      select('figure', item.dataset.figure, { scrollText: true, smooth: true });
    }
    item.addEventListener('click', go);
    item.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(ev); }
    });
  });

  // back from the text: the innermost marked span that belongs to a claim selects that claim
  text.addEventListener('click', function (ev) {
    var span = ev.target.closest('[data-claims]');
    if (!span) return;
    var ids = span.dataset.claims.split(' ');
    var current = document.querySelector('.claim-item.sel');
    // clicking again where two claims overlap cycles through them
    var at = current ? ids.indexOf(current.dataset.claim) : -1;
    select('claim', ids[(at + 1) % ids.length], { scrollPanel: true, smooth: true });
  });

  if (article.dataset.selectClaim) select('claim', article.dataset.selectClaim, { scrollText: true, scrollPanel: true });
  else if (article.dataset.selectFigure) select('figure', article.dataset.selectFigure, { scrollText: true, scrollPanel: true });
})();
