document.querySelectorAll("[data-filter]").forEach(function (box) {
  var table = document.getElementById(box.getAttribute("data-filter"));
  function apply() {
    var text = box.querySelector("input").value.toLowerCase();
    var chosen = Array.prototype.map.call(box.querySelectorAll("select"), function (s) {
      return [s.name, s.value];
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var show = row.textContent.toLowerCase().indexOf(text) >= 0;
      chosen.forEach(function (c) {
        if (c[1] && row.getAttribute("data-" + c[0]) !== c[1]) { show = false; }
      });
      row.hidden = !show;
    });
  }
  box.querySelectorAll("input,select").forEach(function (el) { el.addEventListener("input", apply); });
});
