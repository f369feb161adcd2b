// The figure timeline: one Chart.js scatter of the ledger's series, each point at the time its figure
// refers to, a dataset per source (the most frequent ones coloured, the rest grey), ranges drawn as
// bars, the period a figure covers as a faint horizontal bar, and only the points that are a side of
// one of the ledger's conflicts ringed red. Hover (or focus a row of the table) shows the sentence,
// the date said and the outlet; a click opens the sentence in the reader.
(function () {
  'use strict';
  var holder = document.getElementById('timeline-data');
  var canvas = document.getElementById('timeline');
  if (!holder || !canvas || !window.Chart) return;
  var data = JSON.parse(holder.textContent);
  var points = data.points.filter(function (p) { return p.t !== null && (p.value !== null || p.min !== null); });

  var PALETTE = ['#1f6feb', '#d97706', '#059669', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#b45309', '#4f46e5', '#0f766e'];
  var OTHER = '#94a3b8';
  var CONFLICT = '#dc2626';

  var bySource = new Map();
  points.forEach(function (p) {
    var key = p.source || 'unattributed';
    if (!bySource.has(key)) bySource.set(key, []);
    bySource.get(key).push(p);
  });
  var ranked = Array.from(bySource.entries()).sort(function (a, b) { return b[1].length - a[1].length; });
  var datasets = [];
  var others = [];
  ranked.forEach(function (entry, i) {
    if (i < PALETTE.length && entry[0] !== 'unattributed') datasets.push({ label: entry[0], color: PALETTE[i], pts: entry[1] });
    else others = others.concat(entry[1]);
  });
  if (others.length) datasets.push({ label: ranked.length > PALETTE.length ? 'other sources' : 'unattributed', color: OTHER, pts: others });

  function y(p) { return p.value !== null ? p.value : (p.min + p.max) / 2; }
  function style(p) {
    if (p.min !== null && p.max !== null) return 'line';
    if (p.qualifier === 'at least' || p.qualifier === 'more than') return 'triangle';
    if (p.qualifier === 'at most' || p.qualifier === 'less than') return 'triangle';
    return 'circle';
  }
  var DAY = 86400000;

  var chartData = {
    datasets: datasets.map(function (d) {
      return {
        label: d.label,
        data: d.pts.map(function (p) { return { x: p.t, y: y(p), p: p }; }),
        backgroundColor: d.color,
        borderColor: d.color,
        // approximate readings are drawn lighter; the red ring of a conflict never hides the source's colour
        // copies of another article are hollow: they repeat a report rather than add one
        pointBackgroundColor: d.pts.map(function (p) { return p.copy ? '#ffffff' : p.qualifier === 'approximately' ? d.color + '59' : d.color; }),
        pointBorderColor: d.pts.map(function (p) { return p.conflicts.length ? CONFLICT : d.color; }),
        pointBorderWidth: d.pts.map(function (p) { return p.conflicts.length ? 3 : 2; }),
        pointRadius: d.pts.map(function (p) { return p.conflicts.length ? 7 : 5; }),
        pointHoverRadius: 8,
        pointStyle: d.pts.map(style),
        pointRotation: d.pts.map(function (p) { return p.qualifier === 'at most' || p.qualifier === 'less than' ? 180 : 0; }),
        color: d.color,
      };
    }),
  };

  // ranges as vertical bars from min to max, in the source's colour (red when in conflict); the period
  // a figure covers (a year, a month) as a faint horizontal bar behind its point
  var rangeBars = {
    id: 'rangeBars',
    beforeDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var ys = chart.scales.y;
      var xs = chart.scales.x;
      chart.data.datasets.forEach(function (ds, di) {
        if (!chart.isDatasetVisible(di)) return;
        ds.data.forEach(function (d) {
          var p = d.p;
          if (p.from === null || p.to === null || p.to - p.from < 7 * DAY) return;
          var yy = ys.getPixelForValue(d.y);
          ctx.save();
          ctx.strokeStyle = ds.color + '55';
          ctx.lineWidth = 4;
          ctx.lineCap = 'round';
          ctx.beginPath();
          ctx.moveTo(xs.getPixelForValue(p.from), yy);
          ctx.lineTo(xs.getPixelForValue(p.to + DAY), yy);
          ctx.stroke();
          ctx.restore();
        });
      });
    },
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var ys = chart.scales.y;
      var xs = chart.scales.x;
      chart.data.datasets.forEach(function (ds, di) {
        if (!chart.isDatasetVisible(di)) return;
        ds.data.forEach(function (d) {
          var p = d.p;
          if (p.min === null || p.max === null) return;
          var x = xs.getPixelForValue(d.x);
          ctx.save();
          ctx.strokeStyle = p.conflicts.length ? CONFLICT : ds.color;
          ctx.lineWidth = 3;
          ctx.beginPath();
          ctx.moveTo(x, ys.getPixelForValue(p.min));
          ctx.lineTo(x, ys.getPixelForValue(p.max));
          ctx.moveTo(x - 5, ys.getPixelForValue(p.min));
          ctx.lineTo(x + 5, ys.getPixelForValue(p.min));
          ctx.moveTo(x - 5, ys.getPixelForValue(p.max));
          ctx.lineTo(x + 5, ys.getPixelForValue(p.max));
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };

  function dateLabel(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0');
  }
  function wrap(s, n) {
    var out = [];
    var line = '';
    s.split(/\s+/).forEach(function (w) {
      if ((line + ' ' + w).trim().length > n) { if (line) out.push(line); line = w; } else line = (line + ' ' + w).trim();
    });
    if (line) out.push(line);
    return out.slice(0, 6);
  }

  var ts = points.map(function (p) { return p.from !== null ? p.from : p.t; }).concat(points.map(function (p) { return p.to !== null ? p.to : p.t; }));
  var span = ts.length ? Math.max.apply(null, ts) - Math.min.apply(null, ts) : 0;
  var pad = Math.max(span * 0.04, 20 * 86400000);

  var chart = new window.Chart(canvas, {
    type: 'scatter',
    data: chartData,
    plugins: [rangeBars],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: 'the time each figure refers to', color: '#475569' },
          min: ts.length ? Math.min.apply(null, ts) - pad : undefined,
          max: ts.length ? Math.max.apply(null, ts) + pad : undefined,
          ticks: { callback: function (v) { return dateLabel(v); }, maxTicksLimit: 10, color: '#475569' },
          grid: { color: '#eef2f6' },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: data.label, color: '#475569' },
          ticks: { callback: function (v) { return Number(v).toLocaleString('en-US'); }, color: '#475569' },
          grid: { color: '#eef2f6' },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            boxWidth: 8,
            color: '#1e293b',
            // one plain swatch per source: the points' own styles (rings, triangles) describe single reports
            generateLabels: function (chart) {
              return chart.data.datasets.map(function (ds, i) {
                return { text: ds.label, fillStyle: ds.color, strokeStyle: ds.color, lineWidth: 1, pointStyle: 'circle', hidden: !chart.isDatasetVisible(i), datasetIndex: i, fontColor: '#1e293b' };
              });
            },
          },
        },
        tooltip: {
          backgroundColor: '#0f172a',
          padding: 10,
          callbacks: {
            title: function (items) {
              var p = items[0].raw.p;
              return 'refers to ' + p.period + ' · ' + (p.source || 'unattributed') + (p.outlet ? ' · ' + p.outlet : '');
            },
            // one line pair per point under the pointer (several reports of one figure often sit on one spot)
            label: function (item) {
              var p = item.raw.p;
              return [
                (p.qualifier !== 'exact' && p.qualifier !== 'range' ? p.qualifier + ' ' : '') + p.shown + '  “' + p.text + '”',
                (p.said ? 'said ' + p.said : 'date said unknown') + (p.published ? ' · published ' + p.published : '') + (p.copy ? ' · a copy of another article' : ''),
              ];
            },
            // the first point's sentence, and every conflict of the points shown, once
            afterBody: function (items) {
              var p = items[0].raw.p;
              var lines = p.sentence ? wrap('“' + p.sentence + '”', 70) : [];
              var seen = {};
              items.forEach(function (item) {
                item.raw.p.conflicts.forEach(function (c) {
                  var line = '⚠ ' + c.kind + ': against ' + c.against;
                  if (!seen[line]) lines.push(line);
                  seen[line] = true;
                });
              });
              return lines;
            },
            footer: function () { return 'click to open the sentence'; },
          },
        },
      },
      onClick: function (ev, elements) {
        if (!elements.length) return;
        var el = elements[0];
        var p = chart.data.datasets[el.datasetIndex].data[el.index].p;
        location.href = p.href;
      },
      onHover: function (ev, elements) {
        ev.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  });
  canvas.dataset.points = String(points.length);

  // the table under the chart: hovering or focusing a row (Tab) shows that point's tooltip; Enter opens its sentence
  function show(i) {
    chart.data.datasets.forEach(function (ds, di) {
      ds.data.forEach(function (d, j) {
        if (d.p.i === i) {
          chart.setActiveElements([{ datasetIndex: di, index: j }]);
          chart.tooltip.setActiveElements([{ datasetIndex: di, index: j }], { x: 0, y: 0 });
          chart.update('none');
        }
      });
    });
  }
  document.querySelectorAll('tr.point').forEach(function (row) {
    var i = Number(row.dataset.point);
    row.addEventListener('mouseenter', function () { show(i); });
    row.addEventListener('focus', function () { show(i); });
    row.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' || ev.target !== row) return;
      var link = row.querySelector('td a[href^="/documents/"]');
      if (link) location.href = link.getAttribute('href');
    });
  });
})();
