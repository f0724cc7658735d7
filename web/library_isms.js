/**
 * The browser side of the ISMS Register: storage in IndexedDB, clipboard, cursor and the
 * automation bridge. Linked with --js-library; C++ reaches it through web/browser.hpp.
 *
 * Storage: every workspace folder (and the catalog folder) is its own IDBFS mount, so its own
 * IndexedDB database: opening one workspace loads only that workspace. SQLite never sees
 * IndexedDB; it writes an in-memory file that is copied back by IDBFS.syncfs.
 * All IndexedDB work goes through one queue, so two syncs never run at once.
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
    ensureMounted: function(dir) {
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
