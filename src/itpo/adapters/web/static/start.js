// The start page's charts, drawn with the vendored Apache ECharts from the numbers the page
// carries (the same numbers are in the tables beside each chart). The world map comes from
// this site's /static/vendor/world.geo.json; nothing is fetched from anywhere else.
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

  if (document.getElementById("start-map")) {
    fetch("/static/vendor/world.geo.json").then(function (answer) { return answer.json(); }).then(function (world) {
      echarts.registerMap("world", world);
      var labels = {};
      data.countries.forEach(function (c) { labels[c.name] = c.label; });
      var most = data.countries.reduce(function (top, c) { return Math.max(top, c.value); }, 1);
      draw("start-map", {
        tooltip: {
          trigger: "item",
          formatter: function (p) { return (labels[p.name] || p.name) + ": " + (isNaN(p.value) ? 0 : p.value); }
        },
        visualMap: { min: 0, max: most, left: 8, bottom: 8, calculable: false, inRange: { color: ["#e3f0f7", "#0b5c7a"] }, text: [String(most), "0"] },
        series: [{ type: "map", map: "world", roam: false, emphasis: { label: { show: false } }, data: data.countries }]
      });
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
  });
})();
