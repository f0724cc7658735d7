// Starts the module and publishes the automation bridge, window.isms (see docs/architecture.md).
// Runs after isms.wasm.js (the module's bytes) and before isms.js (the module's code).
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

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : '';
  }

  function decodeBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
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
  // The page allows no connections (CSP connect-src 'none'), so the module may not fetch its
  // .wasm file: isms.wasm.js brought the bytes as base64, and the module takes them from here.
  if (typeof self.ismsWasm === 'string') {
    Module.wasmBinary = decodeBase64(self.ismsWasm);
    delete self.ismsWasm;
  } else {
    fail('ISMS Register could not start: part of the app did not load. Reload the page; ' +
         'if that does not help, the copy of the app you opened is incomplete.');
  }

  var isms = window.isms = window.isms || {};
  isms.ready = ready;
  // This build's version: a hash over its files in dist/ and the single file, "development" elsewhere.
  isms.build = meta('isms-build') || 'development';
  isms.ui = {
    // Items drawn in the last frame: label, id, window, x, y, w, h (CSS pixels) and state.
    items: function () { return JSON.parse(Module.UTF8ToString(Module._isms_ui_items_json())); },
    // Frames drawn so far: it stands still while nothing happens.
    frameCount: function () { return Module._isms_frame_count(); },
    // The CPU time (ms) of building each frame since the last call: for bench/frame_budget.mjs.
    frameTimes: function () { return JSON.parse(Module.UTF8ToString(Module._isms_frame_times_json())); },
  };

  // A new version of the deployed site (dist/ only; the service worker is sw.js). It installs
  // beside this one and waits; `available` makes the app show a banner, and the page moves to
  // the new version only when the person clicks Reload there: the app writes its changes back
  // to IndexedDB first, then calls apply().
  var update = isms.update = { available: false, apply: function () { location.reload(); } };
  var workerScript = meta('isms-service-worker');
  // Service workers need http(s) (or localhost); opened from a file the app simply runs without one.
  if (workerScript && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    watchForUpdates(navigator.serviceWorker, workerScript);
  }

  function wake() {
    if (Module.calledRun && Module._isms_wake) Module._isms_wake();
  }

  function watchForUpdates(workers, script) {
    workers.register(script).then(function (registration) {
      // A worker waiting while another one controls this page is a new version, ready.
      var offer = function () {
        var available = !!(registration.waiting && workers.controller);
        if (available !== update.available) {
          update.available = available;
          wake();
        }
      };
      registration.addEventListener('updatefound', function () {
        var installing = registration.installing;
        if (installing) installing.addEventListener('statechange', offer);
      });
      // Another tab applied the update: this one has nothing waiting any more.
      workers.addEventListener('controllerchange', offer);
      offer();

      update.apply = function () {
        var waiting = registration.waiting;
        if (!waiting) { location.reload(); return; }
        var reloading = false;
        workers.addEventListener('controllerchange', function () {
          if (reloading) return;
          reloading = true;
          location.reload();
        });
        waiting.postMessage('activate');
      };

      // The browser looks for a new sw.js when the app is opened. A page left open for days
      // looks again when it is shown again, at most once an hour (offline: next time).
      var lastLook = Date.now();
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState !== 'visible' || Date.now() - lastLook < 3600 * 1000) return;
        lastLook = Date.now();
        registration.update().catch(function () {});
      });
    }).catch(function (error) {
      console.warn('ISMS Register works, but could not keep a copy for offline use: ' + error.message);
    });
  }
})();
