// An appraisal's charts, drawn with the vendored Apache ECharts from the numbers the page
// carries (the same numbers are in the tables beside each chart): cash flows with their
// cumulative line, the tornado and spider of the sensitivity, and the simulated NPVs.
(function () {
  "use strict";
  var source = document.getElementById("appraisal-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var L = data.labels;
  var charts = [];
  var up = "#1f7a4d", down = "#a32626", line = "#0b5c7a";

  function short(value) {
    var size = Math.abs(value);
    var scales = [[1e9, "bn"], [1e6, "m"], [1e3, "k"]];
    for (var i = 0; i < scales.length; i++) {
      if (size >= scales[i][0]) { return +(value / scales[i][0]).toPrecision(3) + scales[i][1]; }
    }
    return String(+value.toPrecision(3));
  }
  function whole(value) { return value === null ? "–" : Math.round(value).toLocaleString("en"); }

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) { return; }
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(Object.assign({ animation: false }, option));
    charts.push(chart);
    element.setAttribute("data-drawn", "true");
  }

  // The legend has a band of its own above the plot, so the line never runs under it.
  function cashFlow(id, flows) {
    draw(id, {
      tooltip: { trigger: "axis", valueFormatter: whole },
      legend: { top: 0, data: [L.net, L.cumulative] },
      grid: { left: 8, right: 12, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.years },
      yAxis: { type: "value", axisLabel: { formatter: short } },
      series: [
        {
          name: L.net, type: "bar", barMaxWidth: 24, color: up,
          data: flows.net.map(function (v) { return { value: v, itemStyle: { color: v < 0 ? down : up } }; })
        },
        { name: L.cumulative, type: "line", data: flows.cumulative, color: line, symbolSize: 4 }
      ]
    });
  }
  cashFlow("chart-cash-total", data.total);
  cashFlow("chart-cash-equity", data.equity);

  // Each driver's bars run from the base-case NPV to its NPV at the low and the high value.
  var t = data.tornado;
  var names = t.names.slice().reverse();
  var offset = function (values) { return values.slice().reverse().map(function (v) { return v - t.base; }); };
  draw("chart-tornado", {
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: function (items) {
        return items[0].name + "<br>" + items.map(function (item) {
          return item.seriesName + ": NPV " + whole(item.value + t.base);
        }).join("<br>");
      }
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: "value", name: L.change, nameLocation: "middle", nameGap: 26, axisLabel: { formatter: short } },
    yAxis: { type: "category", data: names, axisLabel: { width: 120, overflow: "truncate" } },
    series: [
      { name: L.low, type: "bar", data: offset(t.low), color: down, barGap: "-100%", barMaxWidth: 22 },
      { name: L.high, type: "bar", data: offset(t.high), color: up, barMaxWidth: 22 }
    ]
  });

  draw("chart-spider", {
    tooltip: { trigger: "axis", valueFormatter: whole },
    legend: { type: "scroll", top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: data.spider.steps, name: L.step, nameLocation: "middle", nameGap: 26 },
    yAxis: { type: "value", axisLabel: { formatter: short } },
    series: data.spider.lines.map(function (l) { return { name: l.name, type: "line", data: l.values, symbolSize: 5 }; })
  });

  var h = data.histogram;
  if (h) {
    draw("chart-histogram", {
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var i = items[0].dataIndex;
          return whole(h.edges[i]) + " – " + whole(h.edges[i + 1]) + "<br>" + L.draws + ": " + h.counts[i];
        }
      },
      grid: { left: 8, right: 12, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: h.names, axisLabel: { formatter: function (v, i) { return short((h.edges[i] + h.edges[i + 1]) / 2); } } },
      yAxis: { type: "value", minInterval: 1, name: L.draws },
      series: [{
        type: "bar", name: L.draws, barCategoryGap: "4%",
        data: h.counts.map(function (c, i) { return { value: c, itemStyle: { color: h.edges[i + 1] <= 0 ? down : up } }; })
      }]
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
  });
})();
