// The start page's charts, drawn with the vendored Apache ECharts from the numbers the page
// carries (the same numbers are in the tables beside each chart); the world map is
// world_map.js's. Nothing is fetched from anywhere else.
(function () {
  "use strict";
  var source = document.getElementById("start-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var charts = [];

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) { return; }
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(Object.assign({ color: ["#0b5c7a"], animation: false }, option));
    charts.push(chart);
    element.setAttribute("data-drawn", "true");
  }

  function bars(id, rows) {
    draw(id, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: rows.map(function (r) { return r.name; }).reverse(),
        axisLabel: { width: 150, overflow: "truncate" }
      },
      series: [{
        name: data.labels.records, type: "bar", barMaxWidth: 24,
        label: { show: true, position: "right" },
        data: rows.map(function (r) { return r.value; }).reverse()
      }]
    });
  }

  bars("start-regions", data.regions);
  bars("start-sectors", data.sectors);

  if (window.itpoWorldMap) {
    window.itpoWorldMap(document.getElementById("start-map"), data.countries, function (chart) {
      charts.push(chart);
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
  });
})();
