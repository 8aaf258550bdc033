// A diagnostic's spider chart, drawn with the vendored Apache ECharts from the bands the page
// carries (the same figures are in the table beside it).
(function () {
  "use strict";
  var source = document.getElementById("diagnostic-data");
  var element = document.getElementById("diagnostic-radar");
  if (!source || !element || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var narrow = element.clientWidth < 420;
  var chart = echarts.init(element, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    radar: {
      indicator: data.names.map(function (name) { return { name: name, max: 5, min: 0 }; }),
      splitNumber: 5,
      radius: narrow ? "46%" : "65%",
      axisName: { color: "#333", fontSize: narrow ? 9 : 11, overflow: "break", width: narrow ? 70 : 110 }
    },
    series: [{
      type: "radar",
      data: [{ value: data.bands, name: "", areaStyle: { color: "rgba(11,92,122,0.25)" } }],
      lineStyle: { color: "#0b5c7a" }, itemStyle: { color: "#0b5c7a" }, symbolSize: 4
    }]
  });
  element.setAttribute("data-drawn", "true");
  window.addEventListener("resize", function () { chart.resize(); });
}());
