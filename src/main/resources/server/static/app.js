// finfacts search page: calls /api/search or /api/facts and renders hits with the server's
// escaped, marked-up snippets (the server HTML-escapes the text; nothing else is inserted as HTML).
(function () {
  const $ = (id) => document.getElementById(id);
  let offset = 0;
  const limit = 10;

  function text(tag, value, cls) {
    const e = document.createElement(tag);
    e.textContent = value == null ? '' : String(value);
    if (cls) e.className = cls;
    return e;
  }

  function marked(snippet) {
    const e = document.createElement('div');
    e.innerHTML = snippet && snippet.marked ? snippet.marked : '';
    return e;
  }

  function describe(r) {
    if (r.fact) {
      const f = r.fact;
      return f.type + ' ' + (f.subject || '') + (f.object ? ' → ' + f.object : '') + ' ' +
        (f.amount_text || '') + (f.date ? ' ' + f.date : '');
    }
    if (r.money) return 'MONEY ' + r.money.text + (r.money.currency ? ' (' + r.money.currency + ')' : '');
    return r.kind;
  }

  async function run(newOffset) {
    offset = newOffset;
    const q = $('q').value.trim();
    if (!q) return;
    const factsOnly = $('facts').checked;
    const params = new URLSearchParams({ q: q, sort: $('sort').value, offset: String(offset), limit: String(limit) });
    if (!factsOnly) params.set('facets', 'true');
    const headers = {};
    if ($('token').value) headers['Authorization'] = 'Bearer ' + $('token').value;
    $('status').textContent = 'searching…';
    $('status').className = '';
    const res = await fetch((factsOnly ? '/api/facts?' : '/api/search?') + params.toString(), { headers: headers });
    const body = await res.json();
    $('hits').replaceChildren();
    $('facets').replaceChildren();
    $('pages').replaceChildren();
    if (!res.ok) {
      $('status').textContent = body.error || ('error ' + res.status);
      $('status').className = 'error';
      return;
    }
    $('status').textContent = body.total + (factsOnly ? ' records' : ' articles') + ' · ' + body.took_ms + ' ms';
    for (const h of body.hits) {
      const li = document.createElement('li');
      if (factsOnly) {
        li.appendChild(text('div', describe(h)));
        li.appendChild(text('div', h.article.id + ' · ' + (h.article.published || '') + ' · ' + (h.article.title || ''), 'meta'));
        li.appendChild(marked(h.evidence));
      } else {
        li.appendChild(text('div', h.title || h.id));
        li.appendChild(text('div', h.id + ' · ' + (h.published || '') + ' · ' + (h.source || ''), 'meta'));
        li.appendChild(marked(h.snippet));
        for (const r of h.records) {
          const d = document.createElement('div');
          d.className = 'record';
          d.appendChild(text('div', describe(r)));
          d.appendChild(marked(r.evidence));
          li.appendChild(d);
        }
      }
      $('hits').appendChild(li);
    }
    if (body.facets) {
      for (const [name, buckets] of Object.entries(body.facets)) {
        if (!buckets.length) continue;
        $('facets').appendChild(text('h3', name));
        const ul = document.createElement('ul');
        for (const b of buckets) {
          ul.appendChild(text('li', b.value + ' · ' + b.articles + (b.facts ? ' · ' + b.facts + ' facts' : '') +
            (b.amount_usd ? ' · USD ' + Number(b.amount_usd).toExponential(2) : '')));
        }
        $('facets').appendChild(ul);
      }
    }
    if (offset > 0) {
      const prev = text('button', '← previous');
      prev.onclick = () => run(Math.max(0, offset - limit));
      $('pages').appendChild(prev);
    }
    if (offset + limit < Math.min(body.total, 1000)) {
      const next = text('button', 'next →');
      next.onclick = () => run(offset + limit);
      $('pages').appendChild(next);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('submit', (e) => { e.preventDefault(); run(0); });
  });
})();
