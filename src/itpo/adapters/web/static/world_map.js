// A world map of counts by country, shared by the start page and the results dashboard: the
// vendored Apache ECharts and this site's /static/vendor/world.geo.json (Natural Earth, each
// country named by its ISO alpha-3 code), shaded from the lightest to the largest count.
(function () {
  "use strict";
  var world = null;

  // `countries`: [{name: "KEN", label: "Kenya", value: 3}]; `done(chart)` once it is drawn.
  window.itpoWorldMap = function (element, countries, done) {
    if (!element || typeof echarts === "undefined") { return; }
    var loaded = world ? Promise.resolve(world) :
      fetch("/static/vendor/world.geo.json").then(function (answer) { return answer.json(); });
    loaded.then(function (map) {
      if (!world) { world = map; echarts.registerMap("world", map); }
      var labels = {};
      countries.forEach(function (c) { labels[c.name] = c.label; });
      var most = countries.reduce(function (top, c) { return Math.max(top, c.value); }, 1);
      var chart = echarts.init(element, null, { renderer: "svg" });
      chart.setOption({
        animation: false,
        tooltip: {
          trigger: "item",
          formatter: function (p) { return (labels[p.name] || p.name) + ": " + (isNaN(p.value) ? 0 : p.value); }
        },
        visualMap: { min: 0, max: most, left: 8, bottom: 8, calculable: false, inRange: { color: ["#e3f0f7", "#0b5c7a"] }, text: [String(most), "0"] },
        series: [{ type: "map", map: "world", roam: false, emphasis: { label: { show: false } }, data: countries }]
      });
      element.setAttribute("data-drawn", "true");
      if (done) { done(chart); }
    });
  };
})();
