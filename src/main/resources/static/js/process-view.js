// Draws each engagement process with bpmn-js (our own copy, static/vendor/bpmn-js) and marks the activities
// the server reports as current or completed. Without JavaScript the page still lists the steps.
(function () {
  'use strict';
  if (!window.BpmnJS) {
    return;
  }

  function load(url, as) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': as === 'json' ? 'application/json' : 'application/xml' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(url + ' answered ' + response.status);
        }
        return as === 'json' ? response.json() : response.text();
      });
  }

  function mark(viewer, ids, marker) {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    ids.forEach(function (id) {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
      }
    });
  }

  document.querySelectorAll('[data-bpmn-url]').forEach(function (card) {
    var container = card.querySelector('.bpmn-canvas');
    // shown from the start: bpmn-js measures its container to fit the diagram
    container.classList.add('active');
    var viewer = new window.BpmnJS({ container: container });
    Promise.all([load(card.dataset.bpmnUrl, 'xml'), load(card.dataset.activitiesUrl, 'json')])
      .then(function (loaded) {
        return viewer.importXML(loaded[0]).then(function () {
          mark(viewer, loaded[1].completed, 'completed-activity');
          mark(viewer, loaded[1].current, 'current-activity');
          viewer.get('canvas').zoom('fit-viewport', 'auto');
          container.classList.add('loaded');
        });
      })
      .catch(function () {
        container.classList.add('failed');
      });
  });
})();
