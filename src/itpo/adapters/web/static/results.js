// The results dashboard's charts, drawn with the vendored Apache ECharts from the numbers the
// page carries (the same numbers are in the tables beside each chart). Nothing is fetched from
// another site: the world map comes from this site's /static/vendor/world.geo.json.
(function () {
  "use strict";
  var source = document.getElementById("results-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var L = data.labels;
  var charts = [];
  var palette = ["#0b5c7a", "#2e8b57", "#c27c0e", "#6b4fa0", "#b23a48", "#3a7ca5"];

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) { return null; }
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(Object.assign({ color: palette, animation: false }, option));
    charts.push(chart);
    element.setAttribute("data-drawn", "true");
    return chart;
  }

  // Deals per row, the committed investment (verified, projected) in the tooltip and the table.
  function bars(id, series) {
    var money = function (value) { return "USD " + Math.round(value).toLocaleString(); };
    draw(id, {
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: function (items) {
          var index = series.names.length - 1 - items[0].dataIndex;
          return series.names[index] + "<br>" + L.deals + ": " + series.deals[index] +
            "<br>" + L.committed + ": " + money(series.verified[index]) + " (" + L.verified + "), " +
            money(series.projected[index]) + " (" + L.projected + ")";
        }
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: series.names.slice().reverse(), axisLabel: { width: 150, overflow: "truncate" } },
      series: [{ name: L.deals, type: "bar", data: series.deals.slice().reverse(), barMaxWidth: 28, label: { show: true, position: "right" } }]
    });
  }

  draw("chart-funnel", {
    tooltip: { trigger: "item", formatter: "{b}: {c}" },
    series: [{
      type: "funnel", sort: "none", left: "5%", width: "90%", minSize: "8%", gap: 2,
      label: { show: true, position: "inside", formatter: "{b}: {c}", color: "#fff" },
      data: data.funnel
    }]
  });
  bars("chart-regions", data.regions);
  bars("chart-sectors", data.sectors);

  var m = data.monthly;
  draw("chart-trend", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: m.months },
    yAxis: [{ type: "value", minInterval: 1, name: L.deals }, { type: "value", name: "USD", splitLine: { show: false } }],
    series: [
      { name: L.opened, type: "line", data: m.opened },
      { name: L.signed, type: "line", data: m.signed },
      { name: L.operational, type: "line", data: m.operational },
      { name: L.committed + " · " + L.verified, type: "bar", yAxisIndex: 1, data: m.committed_verified, barMaxWidth: 18 }
    ]
  });

  if (window.itpoWorldMap) {
    window.itpoWorldMap(document.getElementById("chart-map"), data.countries, function (chart) {
      charts.push(chart);
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
  });
})();
