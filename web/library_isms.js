/**
 * The browser side of the ISMS Register: storage in IndexedDB, clipboard, cursor and the
 * automation bridge. Linked with --js-library; C++ reaches it through web/browser.hpp.
 *
 * Storage: every workspace folder (and the catalog folder) is its own IDBFS mount, so its own
 * IndexedDB database: opening one workspace loads only that workspace. SQLite never sees
 * IndexedDB; it writes an in-memory file that is copied back by IDBFS.syncfs.
 * All IndexedDB work goes through one queue, so two syncs never run at once.
 *
 * Attachment bytes (files under a workspace's "blobs/" folder) are kept in the workspace's
 * IndexedDB database like its other files, but IDBFS never loads them with the workspace: the
 * sync sees only blobs that are new in memory (to write them once; content-addressed files never
 * change). A blob is read from IndexedDB when a person opens it (isms_file_load).
 */
mergeInto(LibraryManager.library, {
  $ISMS__deps: ['$FS', '$IDBFS'],
  $ISMS: {
    queue: [],          // pending IndexedDB operations: {run(done), fail(error)}
    running: false,
    dirty: {},          // folder -> true when its files changed since its last write-back
    failed: {},         // folder -> true when its kept copy could not be loaded: never written
                        // back, since writing an empty folder would erase the kept copy
    loadedOnce: false,  // a load succeeded: IndexedDB works, a later failure is one folder's
    saveTimer: 0,
    saveDelayMs: 250,   // a burst of edits becomes one write-back
    // Emscripten 3.1.6's IDBFS never calls back when a transaction aborts late (quota), so an
    // operation that has not answered by then is failed and the queue moves on.
    watchdogMs: 10000,
    status: { available: true, saving: false, lastSavedAt: 0, error: '', pending: false },

    wake: function() { if (Module['_isms_wake']) Module['_isms_wake'](); },

    // Calls fn(pointer) with `text` as a UTF-8 string on the heap, then frees it.
    withCString: function(text, fn) {
      var p = allocateUTF8(text);
      try { fn(p); } finally { _free(p); }
    },

    enqueue: function(op) {
      ISMS.queue.push(op);
      ISMS.pump();
    },
    pump: function() {
      if (ISMS.running || ISMS.queue.length === 0) return;
      ISMS.running = true;
      var op = ISMS.queue.shift();
      var finished = false;
      var finish = function() {
        if (finished) return false;
        finished = true;
        clearTimeout(watchdog);
        ISMS.running = false;
        setTimeout(ISMS.pump, 0);
        return true;
      };
      var giveUp = function(err) { if (finish()) op.fail(err); };
      var watchdog = setTimeout(function() { giveUp(new Error('IndexedDB did not answer')); }, ISMS.watchdogMs);
      try { op.run(finish); } catch (e) { giveUp(e); }
    },

    // The mount on `dir`, or null. (A plain lookup follows the mount to the mounted root.)
    mountAt: function(dir) {
      try { return FS.lookupPath(dir, { follow_mount: false }).node.mounted || null; } catch (e) { return null; }
    },
    // Attachment bytes: "<workspace>/blobs/<sha256>" (and the temporary name a write goes through).
    isBlobPath: function(path) { return /\/blobs\/[^\/]+$/.test(path); },
    keptBlobs: {},  // blob path -> true once IndexedDB is known to hold it
    // Wraps IDBFS's two listings once, so neither direction of a sync ever moves kept blobs:
    // a load leaves them in IndexedDB, a write-back neither rewrites nor deletes them.
    installBlobFilter: function() {
      if (ISMS.blobFilterInstalled) return;
      ISMS.blobFilterInstalled = true;
      var remoteSet = IDBFS.getRemoteSet, localSet = IDBFS.getLocalSet;
      IDBFS.getRemoteSet = function(mount, callback) {
        remoteSet(mount, function(err, set) {
          if (!err) Object.keys(set.entries).forEach(function(path) {
            if (!ISMS.isBlobPath(path)) return;
            ISMS.keptBlobs[path] = true;
            delete set.entries[path];
          });
          callback(err, set);
        });
      };
      IDBFS.getLocalSet = function(mount, callback) {
        localSet(mount, function(err, set) {
          if (!err) Object.keys(set.entries).forEach(function(path) {
            if (ISMS.isBlobPath(path) && ISMS.keptBlobs[path]) delete set.entries[path];
          });
          callback(err, set);
        });
      };
    },
    // Reads a File and calls deliver(name, type, data, size) with its bytes on the heap.
    handFile: function(file, deliver) {
      file.arrayBuffer().then(function(buffer) {
        var bytes = new Uint8Array(buffer);
        var data = _malloc(Math.max(bytes.length, 1));
        if (!data) { console.warn('not enough memory for ' + file.name); return; }
        HEAPU8.set(bytes, data);
        try {
          ISMS.withCString(file.name, function(name) {
            ISMS.withCString(file.type || '', function(type) { deliver(name, type, data, bytes.length); });
          });
        } finally { _free(data); }
        ISMS.wake();
      });
    },
    ensureMounted: function(dir) {
      ISMS.installBlobFilter();
      if (ISMS.mountAt(dir)) return;
      try { FS.mkdirTree(dir); } catch (e) {}  // exists already
      FS.mount(IDBFS, {}, dir);
    },
    errorText: function(err) {
      if (!err) return 'unknown error';
      if (typeof err === 'string') return err;
      return (err.name ? err.name + ': ' : '') + (err.message || String(err));
    },
    syncMount: function(dir, populate, callback) {
      var mount = ISMS.mountAt(dir);
      if (!mount) return callback(new Error('not mounted: ' + dir));
      IDBFS.syncfs(mount, populate, callback);
    },

    scheduleSave: function(delay) {
      ISMS.status.pending = true;
      if (ISMS.saveTimer) clearTimeout(ISMS.saveTimer);
      ISMS.saveTimer = setTimeout(function() { ISMS.saveTimer = 0; ISMS.saveNow(); }, delay);
    },
    // Folders to write back now: dirty, still mounted (not deleted meanwhile), loaded fine.
    takeDirty: function() {
      var dirs = Object.keys(ISMS.dirty).filter(function(d) { return ISMS.mountAt(d) && !ISMS.failed[d]; });
      ISMS.dirty = {};
      return dirs;
    },
    saveNow: function() {
      if (ISMS.saveTimer) { clearTimeout(ISMS.saveTimer); ISMS.saveTimer = 0; }
      if (!ISMS.status.available) { ISMS.dirty = {}; ISMS.status.pending = false; return; }
      var dirs = ISMS.takeDirty();
      if (dirs.length === 0) { ISMS.status.pending = ISMS.status.saving; return; }
      ISMS.status.saving = true;
      var settle = function(err) {
        ISMS.status.saving = false;
        if (err) {
          ISMS.status.error = ISMS.errorText(err);
          // Still to be written: the next change, flush or page hide tries again.
          dirs.forEach(function(d) { if (ISMS.mountAt(d)) ISMS.dirty[d] = true; });
        } else {
          ISMS.status.error = '';
          ISMS.status.lastSavedAt = Date.now();
        }
        ISMS.status.pending = Object.keys(ISMS.dirty).length > 0;
        ISMS.wake();
      };
      ISMS.enqueue({
        run: function(done) {
          var firstError = null;
          var next = function(i) {
            if (i === dirs.length) {
              if (done()) settle(firstError);
              return;
            }
            if (!ISMS.mountAt(dirs[i])) return next(i + 1);  // deleted while queued
            ISMS.syncMount(dirs[i], false, function(err) {
              if (err && !firstError) firstError = err;
              next(i + 1);
            });
          };
          next(0);
        },
        fail: settle,
      });
    },
  },

  // Mounts `dir` as IndexedDB-backed storage and loads what the browser kept for it, then calls
  // isms_storage_loaded(token, ok, error). When IndexedDB is unavailable the folder still works in
  // memory, and the error says so.
  isms_storage_load__deps: ['$ISMS'],
  isms_storage_load: function(dirPtr, token) {
    var dir = UTF8ToString(dirPtr);
    var mountError = null;
    try { ISMS.ensureMounted(dir); } catch (e) { mountError = e; }
    var answer = function(err) {
      if (err) {
        // Before any load worked, IndexedDB itself is refused (private mode, blocked storage);
        // after, only this folder is unreadable and must never be written back over.
        if (ISMS.loadedOnce) ISMS.failed[dir] = true; else ISMS.status.available = false;
      } else {
        ISMS.loadedOnce = true;
      }
      ISMS.withCString(err ? ISMS.errorText(err) : '', function(msg) {
        Module['_isms_storage_loaded'](token, err ? 0 : 1, msg);
      });
      ISMS.wake();
    };
    ISMS.enqueue({
      run: function(done) {
        if (mountError) { done(); return answer(mountError); }
        ISMS.syncMount(dir, true, function(err) { if (done()) answer(err); });
      },
      fail: answer,
    });
  },

  // Mounts a new, empty folder (a workspace being created) without loading anything.
  isms_storage_prepare__deps: ['$ISMS'],
  isms_storage_prepare: function(dirPtr) {
    try { ISMS.ensureMounted(UTF8ToString(dirPtr)); } catch (e) { console.warn('mount failed', e); }
  },

  // A transaction on a file in `dir` committed: write the folder back soon (debounced).
  isms_storage_committed__deps: ['$ISMS'],
  isms_storage_committed: function(dirPtr) {
    ISMS.dirty[UTF8ToString(dirPtr)] = true;
    ISMS.scheduleSave(ISMS.saveDelayMs);
  },

  // A folder is about to be deleted for good: a mount point cannot be removed while mounted.
  isms_storage_unmount__deps: ['$ISMS'],
  isms_storage_unmount: function(dirPtr) {
    var dir = UTF8ToString(dirPtr);
    delete ISMS.dirty[dir];
    if (ISMS.mountAt(dir)) FS.unmount(dir);  // never mounted in this session: nothing to do
  },

  // A folder was deleted for good: drop its IndexedDB database as well.
  isms_storage_removed__deps: ['$ISMS'],
  isms_storage_removed: function(dirPtr) {
    var dir = UTF8ToString(dirPtr);
    delete ISMS.dirty[dir];
    // Its blobs are gone with its database: a workspace made again at the same path (the same
    // bundle imported after emptying the trash) must write its blobs anew.
    Object.keys(ISMS.keptBlobs).forEach(function(path) {
      if (path.indexOf(dir + '/') === 0) delete ISMS.keptBlobs[path];
    });
    delete ISMS.failed[dir];
    var drop = function() {
      var db = IDBFS.dbs[dir];
      if (db) { db.close(); delete IDBFS.dbs[dir]; }
    };
    ISMS.enqueue({
      run: function(done) {
        drop();
        if (!ISMS.status.available) return done();
        var req = IDBFS.indexedDB().deleteDatabase(dir);
        req.onsuccess = req.onerror = req.onblocked = function() { done(); };
      },
      fail: drop,
    });
  },

  // Makes one kept file readable (an attachment's bytes, which loads do not bring), then calls
  // isms_file_loaded(token, ok, error). A file already in memory answers at once.
  isms_file_load__deps: ['$ISMS', '$PATH'],
  isms_file_load: function(pathPtr, token) {
    var path = UTF8ToString(pathPtr);
    var answer = function(err) {
      ISMS.withCString(err ? ISMS.errorText(err) : '', function(msg) {
        Module['_isms_file_loaded'](token, err ? 0 : 1, msg);
      });
      ISMS.wake();
    };
    if (FS.analyzePath(path).exists) return setTimeout(function() { answer(null); }, 0);
    var mount = null;
    try { mount = FS.lookupPath(PATH.dirname(path)).node.mount; } catch (e) {}
    if (!mount || mount.type !== IDBFS || !ISMS.status.available) {
      return setTimeout(function() { answer(new Error('not kept by this browser')); }, 0);
    }
    ISMS.enqueue({
      run: function(done) {
        IDBFS.getDB(mount.mountpoint, function(err, db) {
          if (err) { if (done()) answer(err); return; }
          var request = db.transaction([IDBFS.DB_STORE_NAME], 'readonly').objectStore(IDBFS.DB_STORE_NAME).get(path);
          request.onsuccess = function() {
            if (!done()) return;
            var entry = request.result;
            if (!entry || !entry.contents) return answer(new Error('not kept by this browser'));
            try {
              FS.mkdirTree(PATH.dirname(path));
              FS.writeFile(path, entry.contents);
              FS.utime(path, entry.timestamp, entry.timestamp);
            } catch (e) { return answer(e); }
            answer(null);
          };
          request.onerror = function(e) { e.preventDefault(); if (done()) answer(request.error); };
        });
      },
      fail: answer,
    });
  },

  // Deletes the kept copy of one file kept apart (freed attachment bytes). Queued like every
  // IndexedDB write; a failure leaves unused bytes behind, never missing ones.
  isms_file_forget__deps: ['$ISMS', '$PATH'],
  isms_file_forget: function(pathPtr) {
    var path = UTF8ToString(pathPtr);
    delete ISMS.keptBlobs[path];
    var mount = null;
    try { mount = FS.lookupPath(PATH.dirname(path)).node.mount; } catch (e) {}
    if (!mount || mount.type !== IDBFS || !ISMS.status.available) return;
    ISMS.enqueue({
      run: function(done) {
        IDBFS.getDB(mount.mountpoint, function(err, db) {
          if (err) { done(); return; }
          var request = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite').objectStore(IDBFS.DB_STORE_NAME).delete(path);
          request.onsuccess = function() { done(); };
          request.onerror = function(e) { e.preventDefault(); done(); };
        });
      },
      fail: function(err) { console.warn('could not drop ' + path + ': ' + ISMS.errorText(err)); },
    });
  },

  // Opens the browser's file picker; the chosen file's name, type and bytes go to
  // isms_file_picked(token, ...). A cancelled picker calls nothing.
  isms_file_pick__deps: ['$ISMS'],
  isms_file_pick: function(acceptPtr, token) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(acceptPtr);
    input.style.display = 'none';
    input.addEventListener('change', function() {
      var file = input.files && input.files[0];
      input.remove();
      if (file) ISMS.handFile(file, function(name, type, data, size) {
        Module['_isms_file_picked'](token, name, type, data, size);
      });
    });
    document.body.appendChild(input);
    input.click();
  },

  // Hands bytes to the person as a downloaded file.
  isms_download: function(namePtr, typePtr, data, size) {
    var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(typePtr) || 'application/octet-stream' });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(namePtr);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
  },

  isms_storage_flush__deps: ['$ISMS'],
  isms_storage_flush: function() { ISMS.saveNow(); },

  // Save status for the top bar: returns a JSON string the caller frees.
  isms_storage_status_json__deps: ['$ISMS'],
  isms_storage_status_json: function() {
    var s = ISMS.status;
    var text = JSON.stringify({
      available: s.available, saving: s.saving, pending: s.pending,
      error: s.error, lastSavedAt: s.lastSavedAt ? new Date(s.lastSavedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : ''
    });
    return allocateUTF8(text);
  },

  isms_browser_install__deps: ['$ISMS'],
  isms_browser_install: function() {
    // Write back at once when the page is hidden or left: debounced saves might never run.
    document.addEventListener('visibilitychange', function() {
      if (document.visibilityState === 'hidden') ISMS.saveNow();
    });
    window.addEventListener('pagehide', function() { ISMS.saveNow(); });
    // Paste: the GLFW clipboard is a stub; keep the pasted text where ImGui will ask for it.
    document.addEventListener('paste', function(e) {
      var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
      ISMS.withCString(text, Module['_isms_clipboard_pasted']);
      ISMS.wake();
    });
    // A file dropped onto the window goes to the app (importing a bundle); the browser must not
    // navigate away to show it.
    window.addEventListener('dragover', function(e) { e.preventDefault(); });
    window.addEventListener('drop', function(e) {
      e.preventDefault();
      var file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) ISMS.handFile(file, Module['_isms_file_dropped']);
    });
    // A change of devicePixelRatio (zoom, moving to another screen) must redraw sharp.
    var watchRatio = function() {
      var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      mq.addEventListener('change', function() { ISMS.wake(); watchRatio(); }, { once: true });
    };
    watchRatio();
  },

  // Text that does not arrive as a keypress: IME and dead-key composition, on-screen keyboards,
  // characters a test inserts. While an ImGui text field is active a hidden textarea holds the
  // focus and hands such text to ImGui; ordinary keys still reach GLFW as keypress events.
  isms_text_input_install__deps: ['$ISMS'],
  isms_text_input_install: function() {
    var area = document.createElement('textarea');
    area.id = 'text-input';
    area.setAttribute('aria-hidden', 'true');
    area.setAttribute('autocomplete', 'off');
    area.setAttribute('autocapitalize', 'off');
    area.setAttribute('spellcheck', 'false');
    document.body.appendChild(area);
    ISMS.textArea = area;
    ISMS.textActive = false;
    // The character of the last keypress: GLFW delivered it already, so the textarea's own
    // input event for it is skipped. Anything else the textarea receives is new text.
    var keypressChar = null;
    var send = function(text) { if (text) ISMS.withCString(text, Module['_isms_text_input']); };
    window.addEventListener('keydown', function() { keypressChar = null; }, true);
    window.addEventListener('keypress', function(e) {
      keypressChar = (e.ctrlKey || e.metaKey || !e.charCode) ? null : String.fromCodePoint(e.charCode);
    }, true);
    area.addEventListener('input', function(e) {
      if (e.isComposing) return;  // compositionend delivers the result
      if (e.inputType === 'insertText' && e.data !== keypressChar) send(e.data);
      keypressChar = null;
      area.value = '';
    });
    area.addEventListener('compositionend', function(e) { send(e.data); area.value = ''; });
    // Clicking another field must not take the focus away from the textarea.
    Module['canvas'].addEventListener('mousedown', function(e) { if (ISMS.textActive) e.preventDefault(); });
  },

  isms_text_input_active__deps: ['$ISMS'],
  isms_text_input_active: function(on) {
    ISMS.textActive = !!on;
    if (on) ISMS.textArea.focus({ preventScroll: true });
    else if (document.activeElement === ISMS.textArea) Module['canvas'].focus({ preventScroll: true });
  },

  // Keeps the textarea at the caret (CSS pixels), so an IME shows its candidates there.
  isms_text_input_position__deps: ['$ISMS'],
  isms_text_input_position: function(x, y) {
    ISMS.textArea.style.left = x + 'px';
    ISMS.textArea.style.top = y + 'px';
  },

  isms_clipboard_write: function(textPtr) {
    var text = UTF8ToString(textPtr);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function() {});
    }
  },

  isms_set_cursor: function(namePtr) {
    var canvas = Module['canvas'];
    if (canvas) canvas.style.cursor = UTF8ToString(namePtr);
  },

  isms_schedule_wake: function(ms) {
    setTimeout(function() { ISMS.wake(); }, ms);
  },
  isms_schedule_wake__deps: ['$ISMS'],
});
