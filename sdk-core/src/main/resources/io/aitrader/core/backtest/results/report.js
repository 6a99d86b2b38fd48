'use strict';
/*
 * Charts of the aitrader backtest report. Every chart is a pure function from data to an SVG string, so it can be
 * run and checked without a browser; render() is the only code that touches the page. No external resource.
 */
var AitraderReport = (function () {
  var IST_OFFSET_MS = 19800000;
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var RUPEE = '\u20b9';

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  /* The IST calendar date (YYYY-MM-DD) of an epoch-millisecond time, whatever the browser's time zone. */
  function istDate(ms) {
    return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);
  }

  /* Indian digit grouping of a string of digits: 1234567 -> 12,34,567. */
  function groupIndian(digits) {
    if (digits.length <= 3) {
      return digits;
    }
    var last3 = digits.slice(-3);
    var rest = digits.slice(0, -3);
    var parts = [];
    while (rest.length > 2) {
      parts.unshift(rest.slice(-2));
      rest = rest.slice(0, -2);
    }
    if (rest.length > 0) {
      parts.unshift(rest);
    }
    return parts.join(',') + ',' + last3;
  }

  /* Rupees with Indian grouping: formatInr(1234567.891) === '\u20b912,34,567.89'. */
  function formatInr(x, decimals) {
    var d = decimals === undefined ? 2 : decimals;
    var s = Math.abs(x).toFixed(d);
    var dot = s.indexOf('.');
    var whole = dot < 0 ? s : s.slice(0, dot);
    var fraction = dot < 0 ? '' : s.slice(dot);
    var negative = x < 0 && Number(s) !== 0;
    return (negative ? '-' : '') + RUPEE + groupIndian(whole) + fraction;
  }

  /* Rupees for an axis whose ticks are `step` apart: whole rupees unless the step is below one rupee. */
  function formatInrAxis(x, step) {
    return formatInr(x, step !== undefined && step < 1 ? 2 : 0);
  }

  /* A signed percentage; small values get two decimals more, so they do not show as 0.0%. */
  function formatPct(fraction, decimals) {
    var d = decimals === undefined ? 2 : decimals;
    if (fraction !== 0 && Math.abs(fraction * 100) < 0.5 * Math.pow(10, -d)) {
      d += 2;
    }
    var s = (fraction * 100).toFixed(d);
    return (fraction > 0 && Number(s) !== 0 ? '+' : '') + s + '%';
  }

  function coord(x) {
    return (Math.round(x * 10) / 10).toString();
  }

  /* Round tick values covering [min, max], about `count` of them. */
  function ticks(min, max, count) {
    if (!(max > min)) {
      return [min];
    }
    var raw = (max - min) / count;
    var magnitude = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var f = raw / magnitude;
    var step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    var out = [];
    for (var v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
      out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  /*
   * A line chart of a series {t: [epoch ms], v: [numbers]} against trading time (points evenly spaced, so nights
   * and holidays take no room). Options: cls, width, height, yFormat(value, tickStep), valueFormat, baseline (a dashed reference value), area
   * (fill down to the baseline), maxValue (fixed top of the y range), label.
   */
  function seriesChartSvg(series, o) {
    var t = series.t;
    var v = series.v;
    var n = v.length;
    var W = o.width || 960;
    var H = o.height || 300;
    var L = 100;
    var R = 16;
    var T = 12;
    var B = 30;
    var pw = W - L - R;
    var ph = H - T - B;
    var out = ['<svg class="chart ' + o.cls + '" viewBox="0 0 ' + W + ' ' + H + '" width="100%" role="img"'
        + ' aria-label="' + esc(o.label) + '">'];
    if (n === 0) {
      out.push('<text class="empty" x="' + W / 2 + '" y="' + H / 2 + '" text-anchor="middle">No data</text></svg>');
      return out.join('');
    }
    var min = Infinity;
    var max = -Infinity;
    for (var i = 0; i < n; i++) {
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
    }
    if (o.baseline !== undefined) {
      min = Math.min(min, o.baseline);
      max = Math.max(max, o.baseline);
    }
    if (max === min) {
      var half = Math.abs(max) > 0 ? Math.abs(max) * 0.01 : 1;
      min -= half;
      max += half;
    }
    var pad = (max - min) * 0.04;
    min -= pad;
    max = o.maxValue !== undefined ? o.maxValue : max + pad;
    var x = function (k) {
      return L + (n === 1 ? pw / 2 : k * pw / (n - 1));
    };
    var y = function (value) {
      return T + (max - value) * ph / (max - min);
    };
    var yTicks = ticks(min, max, 5);
    var yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : Math.abs(max - min);
    for (var j = 0; j < yTicks.length; j++) {
      var ty = coord(y(yTicks[j]));
      out.push('<line class="grid" x1="' + L + '" x2="' + (L + pw) + '" y1="' + ty + '" y2="' + ty + '"/>');
      out.push('<text class="axis" x="' + (L - 6) + '" y="' + ty + '" text-anchor="end" dominant-baseline="middle">'
          + esc(o.yFormat(yTicks[j], yStep)) + '</text>');
    }
    var labels = Math.min(6, n);
    for (var k = 0; k < labels; k++) {
      var idx = labels === 1 ? 0 : Math.round(k * (n - 1) / (labels - 1));
      var anchor = k === 0 ? 'start' : k === labels - 1 ? 'end' : 'middle';
      out.push('<text class="axis" x="' + coord(x(idx)) + '" y="' + (H - 8) + '" text-anchor="' + anchor + '">'
          + istDate(t[idx]) + '</text>');
    }
    var d = 'M' + coord(x(0)) + ' ' + coord(y(v[0]));
    for (var p = 1; p < n; p++) {
      d += 'L' + coord(x(p)) + ' ' + coord(y(v[p]));
    }
    if (o.area) {
      var base = coord(y(o.baseline === undefined ? min : o.baseline));
      out.push('<path class="area" d="' + d + 'L' + coord(x(n - 1)) + ' ' + base + 'L' + coord(x(0)) + ' ' + base
          + 'Z"/>');
    }
    if (o.baseline !== undefined) {
      var by = coord(y(o.baseline));
      out.push('<line class="baseline" x1="' + L + '" x2="' + (L + pw) + '" y1="' + by + '" y2="' + by + '"/>');
    }
    out.push('<path class="line" d="' + d + '"><title>' + esc(o.label) + ': ' + istDate(t[0]) + ' '
        + esc(o.valueFormat(v[0])) + ' to ' + istDate(t[n - 1]) + ' ' + esc(o.valueFormat(v[n - 1]))
        + '</title></path>');
    out.push('</svg>');
    return out.join('');
  }

  /* The equity curve: series of rupees, with the starting cash as a dashed line. */
  function equityChartSvg(series, opts) {
    var o = opts || {};
    return seriesChartSvg(series, {
      cls: 'equity', width: o.width, height: o.height, yFormat: formatInrAxis, valueFormat: formatInr,
      baseline: o.startingCash,
      label: 'Equity'
    });
  }

  /* The drawdown chart: series of fractions at or below 0 (-0.05 = 5 % below the running peak). */
  function drawdownChartSvg(series, opts) {
    var o = opts || {};
    return seriesChartSvg(series, {
      cls: 'drawdown', width: o.width, height: o.height || 200, baseline: 0, area: true, maxValue: 0,
      valueFormat: formatPct,
      yFormat: function (f, step) {
        var digits = step > 0 ? Math.max(0, Math.min(4, Math.ceil(-Math.log(step * 100) / Math.LN10))) : 1;
        return (f * 100).toFixed(digits) + '%';
      },
      label: 'Drawdown'
    });
  }

  function mix(a, b, f) {
    return Math.round(a + (b - a) * f);
  }

  /* Cell colour: white-grey for 0, deepening to green (gains) or red (losses) at the largest absolute value. */
  function heatColor(value, maxAbs) {
    var f = maxAbs > 0 ? Math.min(1, Math.abs(value) / maxAbs) : 0;
    var to = value >= 0 ? [26, 152, 80] : [215, 48, 39];
    return 'rgb(' + mix(246, to[0], f) + ',' + mix(246, to[1], f) + ',' + mix(246, to[2], f) + ')';
  }

  /*
   * Monthly returns heat map: one row per year, twelve month cells and the compounded year. `monthly` maps
   * 'YYYY-MM' to a fraction; every month present gets one cell (class "m") with its value in a <title>.
   */
  function monthlyHeatmapSvg(monthly) {
    var keys = Object.keys(monthly).sort();
    var cw = 64;
    var ch = 28;
    var left = 52;
    var top = 22;
    var W = left + cw * 13 + 4;
    if (keys.length === 0) {
      return '<svg class="chart heatmap" viewBox="0 0 ' + W + ' 40" width="100%" role="img" aria-label="Monthly returns">'
          + '<text class="empty" x="' + W / 2 + '" y="24" text-anchor="middle">No data</text></svg>';
    }
    var years = [];
    var maxAbs = 0;
    for (var i = 0; i < keys.length; i++) {
      var year = keys[i].slice(0, 4);
      if (years.indexOf(year) < 0) {
        years.push(year);
      }
      maxAbs = Math.max(maxAbs, Math.abs(monthly[keys[i]]));
    }
    var H = top + ch * years.length + 4;
    var out = ['<svg class="chart heatmap" viewBox="0 0 ' + W + ' ' + H + '" width="100%" role="img"'
        + ' aria-label="Monthly returns">'];
    for (var m = 0; m < 12; m++) {
      out.push('<text class="axis" x="' + (left + cw * m + cw / 2) + '" y="15" text-anchor="middle">' + MONTHS[m]
          + '</text>');
    }
    out.push('<text class="axis strong" x="' + (left + cw * 12 + cw / 2) + '" y="15" text-anchor="middle">Year</text>');
    for (var r = 0; r < years.length; r++) {
      var ry = top + ch * r;
      out.push('<text class="axis strong" x="' + (left - 8) + '" y="' + (ry + ch / 2) + '" text-anchor="end"'
          + ' dominant-baseline="middle">' + years[r] + '</text>');
      var growth = 1;
      var any = false;
      for (var c = 0; c < 12; c++) {
        var key = years[r] + '-' + (c < 9 ? '0' : '') + (c + 1);
        var cx = left + cw * c;
        if (Object.prototype.hasOwnProperty.call(monthly, key)) {
          var value = monthly[key];
          growth *= 1 + value;
          any = true;
          out.push('<g><rect class="m" x="' + cx + '" y="' + ry + '" width="' + (cw - 2) + '" height="' + (ch - 2)
              + '" fill="' + heatColor(value, maxAbs) + '"><title>' + MONTHS[c] + ' ' + years[r] + ': '
              + formatPct(value) + '</title></rect><text class="cell" x="' + (cx + cw / 2 - 1) + '" y="'
              + (ry + ch / 2) + '" text-anchor="middle" dominant-baseline="middle">' + formatPct(value, 1)
              + '</text></g>');
        } else {
          out.push('<rect class="none" x="' + cx + '" y="' + ry + '" width="' + (cw - 2) + '" height="' + (ch - 2)
              + '"/>');
        }
      }
      if (any) {
        var yearReturn = growth - 1;
        var yx = left + cw * 12;
        out.push('<g><rect class="y" x="' + yx + '" y="' + ry + '" width="' + (cw - 2) + '" height="' + (ch - 2)
            + '" fill="' + heatColor(yearReturn, Math.max(maxAbs, Math.abs(yearReturn))) + '"><title>' + years[r]
            + ' (months shown, compounded): ' + formatPct(yearReturn) + '</title></rect><text class="cell strong" x="'
            + (yx + cw / 2 - 1) + '" y="' + (ry + ch / 2) + '" text-anchor="middle" dominant-baseline="middle">'
            + formatPct(yearReturn, 1) + '</text></g>');
      }
    }
    out.push('</svg>');
    return out.join('');
  }

  /* Draws every chart into its placeholder; the only function that needs a DOM. */
  function render(doc) {
    var data = JSON.parse(doc.getElementById('report-data').textContent);
    var put = function (id, svg) {
      var el = doc.getElementById(id);
      if (el) {
        el.innerHTML = svg;
      }
    };
    put('chart-equity', equityChartSvg(data.equity, {startingCash: data.startingCash}));
    put('chart-drawdown', drawdownChartSvg(data.drawdown));
    put('chart-monthly', monthlyHeatmapSvg(data.monthlyReturns));
  }

  return {
    esc: esc,
    istDate: istDate,
    groupIndian: groupIndian,
    formatInr: formatInr,
    formatInrAxis: formatInrAxis,
    formatPct: formatPct,
    ticks: ticks,
    heatColor: heatColor,
    equityChartSvg: equityChartSvg,
    drawdownChartSvg: drawdownChartSvg,
    monthlyHeatmapSvg: monthlyHeatmapSvg,
    render: render
  };
})();

if (typeof document !== 'undefined' && document.getElementById('report-data')) {
  AitraderReport.render(document);
}
