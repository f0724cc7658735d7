// Starts the module and publishes the automation bridge, window.isms (see docs/architecture.md).
(function () {
  'use strict';
  var loading = document.getElementById('loading');
  var loadingText = document.getElementById('loading-text');
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });

  function fail(message) {
    loading.classList.remove('hidden');
    loading.classList.add('error');
    loadingText.textContent = message;
    rejectReady(new Error(message));
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onFirstFrame: function () {
      loading.classList.add('hidden');
      Module.canvas.focus();
      resolveReady();
    },
    onAbort: function (what) { fail('ISMS Register could not start: ' + what); },
  };
  if (typeof WebGL2RenderingContext === 'undefined') {
    fail('ISMS Register needs a browser with WebGL 2 (any current Chrome, Edge, Firefox or Safari).');
  }

  var isms = window.isms = window.isms || {};
  isms.ready = ready;
  isms.ui = {
    // Items drawn in the last frame: label, id, window, x, y, w, h (CSS pixels) and state.
    items: function () { return JSON.parse(Module.UTF8ToString(Module._isms_ui_items_json())); },
    // Frames drawn so far: it stands still while nothing happens.
    frameCount: function () { return Module._isms_frame_count(); },
  };
})();
