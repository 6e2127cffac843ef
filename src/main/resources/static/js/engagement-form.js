// Progressive enhancement: show only the fields of the chosen kind. Without JavaScript every field shows and
// the server ignores the ones that do not apply to the kind.
(function () {
  var form = document.querySelector('form[action$="/engagements"]');
  if (!form) { return; }
  function fieldOf(id) { var input = form.querySelector('#' + id); return input && input.closest('.field'); }
  function show(id, visible) { var field = fieldOf(id); if (field) { field.hidden = !visible; } }
  function update() {
    var chosen = form.querySelector('input[name="kind"]:checked');
    if (!chosen) { return; }
    var soc2 = chosen.value !== 'CERTIFICATION_CYCLE';
    show('decisionMaker', !soc2);
    show('qualityReviewer', soc2);
    show('asOfDate', chosen.value === 'TYPE_I');
    show('periodStart', chosen.value === 'TYPE_II');
    var tsc = form.querySelector('input[name="tscCategories"]');
    if (tsc) { tsc.closest('.field').hidden = !soc2; }
  }
  form.querySelectorAll('input[name="kind"]').forEach(function (radio) { radio.addEventListener('change', update); });
  update();
})();
