// Accept ticks the suggested goal among the form's SDG checkboxes; reject hides it. Without
// JavaScript the "Suggest SDGs" button does nothing and the form works as before.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-sdg-accept], [data-sdg-reject]");
    if (!button) return;
    var item = button.closest(".sdg-suggestion");
    var list = button.closest("[data-sdg-for]");
    var accepted = button.hasAttribute("data-sdg-accept");
    if (accepted && list) {
      var form = button.closest("form");
      var name = list.getAttribute("data-sdg-for");
      var value = button.getAttribute("data-sdg-accept");
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        if (box.name === name && box.value === value) {
          box.checked = true;
          box.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    }
    if (item) item.hidden = true;
  });
})();
