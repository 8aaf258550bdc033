// Long lists (countries, sectors, organisations, currencies) become pickers searched by
// typing, with the keyboard and on a phone: Tom Select, served from this site. Without
// JavaScript the lists stay the browser's own, so every form still works.
(function () {
  "use strict";
  function enhance(root) {
    if (typeof TomSelect === "undefined") return;
    root.querySelectorAll("select[data-picker]").forEach(function (select) {
      if (select.tomselect) return;
      var multiple = select.multiple;
      var picker = new TomSelect(select, {
        plugins: multiple ? ["remove_button"] : [],
        maxOptions: null, // every match, not the first fifty
        hideSelected: multiple,
        closeAfterSelect: !multiple,
        allowEmptyOption: true,
        // A code finds its entry too: KEN, 1030, USD.
        searchField: ["text", "value"],
        render: {
          no_results: function () {
            return '<div class="no-results">' + (select.dataset.noResults || "No match") + "</div>";
          },
        },
      });
      // The field's hint and problem stay tied to what the keyboard reaches.
      var described = select.getAttribute("aria-describedby");
      if (described) picker.control_input.setAttribute("aria-describedby", described);
      if (select.getAttribute("aria-invalid") === "true") {
        picker.wrapper.classList.add("invalid");
        picker.control_input.setAttribute("aria-invalid", "true");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.target); });
})();
