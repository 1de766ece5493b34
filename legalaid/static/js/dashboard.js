/* The dashboard's charts (legalaid/reports/dashboard.py): the data come from the JSON block #dashboard-data (not
   executed, so the strict CSP allows it); a click on a bar opens the list the bar counts. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var palette = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#dc3545", "#20c997"];
  JSON.parse(source.textContent).forEach(function (spec) {
    var canvas = document.getElementById(spec.id);
    if (!canvas) {
      return;
    }
    var chart = new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: palette[i % palette.length] };
        })
      },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
        onClick: function (event, elements) {
          if (!elements.length) {
            return;
          }
          var link = spec.datasets[elements[0].datasetIndex].links[elements[0].index];
          if (link) {
            window.location.assign(link);
          }
        }
      }
    });
    canvas.dataset.ready = "1";
    canvas.chart = chart;
  });
})();
