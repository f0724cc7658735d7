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

    // Two tabs or windows of one browser profile (issue 6). A workspace folder is written back
    // only by the tab that holds its Web Lock; the others show it read-only. The list of
    // workspaces is written by every tab: each write folds in what another tab wrote first.
    locks: {},       // folder -> {release} while this tab holds its lock
    readOnly: {},    // folder -> true: another tab holds it (or this tab let it go): never written back
    shared: {},      // folder -> {file, base}: written by every tab; base = the kept bytes this tab's copy includes
    channel: null,   // BroadcastChannel between the tabs: 'release' (please let go), 'saved'
    takeOverWaitMs: 10000,  // a holder that has not let go by then is overruled (a hung tab)
    storageInfo: { persistenceKnown: false, persistent: false, used: 0, quota: 0 },
    persistAsked: false,
    estimatedAt: 0,
    settings: {},    // browser settings when localStorage is refused

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
      var dirs = Object.keys(ISMS.dirty).filter(function(d) {
        return ISMS.mountAt(d) && !ISMS.failed[d] && !ISMS.readOnly[d];
      });
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
          dirs.forEach(function(d) { ISMS.post({ type: 'saved', dir: d }); });
          ISMS.estimate(5000);
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
            var write = ISMS.shared[dirs[i]] ? ISMS.writeShared : function(dir, callback) {
              ISMS.syncMount(dir, false, callback);
            };
            write(dirs[i], function(err) {
              if (err && !firstError) firstError = err;
              next(i + 1);
            });
          };
          next(0);
        },
        fail: settle,
      });
    },

    // --- Two tabs (issue 6) ---
    lockName: function(dir) { return 'isms-register ' + dir; },
    post: function(message) { if (ISMS.channel) ISMS.channel.postMessage(message); },
    openChannel: function() {
      if (ISMS.channel || typeof BroadcastChannel === 'undefined') return;
      ISMS.channel = new BroadcastChannel('isms-register');
      ISMS.channel.onmessage = function(e) {
        var m = e.data || {};
        if (m.type === 'release' && ISMS.locks[m.dir]) ISMS.letGo(m.dir, true);
        if (m.type === 'saved') ISMS.savedElsewhere(m.dir);
      };
    },
    tellDir: function(fn, dir) {
      ISMS.withCString(dir, Module[fn]);
      ISMS.wake();
    },
    // Lets another tab have `dir`: this tab's pending write-back goes first (the queue keeps the
    // order), then the lock is released, and nothing more is written from here. `tell`: the app
    // hears it lost the folder (another tab asked for it).
    letGo: function(dir, tell) {
      var held = ISMS.locks[dir];
      delete ISMS.locks[dir];
      ISMS.saveNow();
      ISMS.readOnly[dir] = true;  // after saveNow took this folder's changes
      ISMS.enqueue({ run: function(done) { held.release(); done(); }, fail: function() { held.release(); } });
      if (tell) ISMS.tellDir('_isms_dir_lost', dir);
    },
    // Another tab wrote `dir` back: fold the list of workspaces in now (so this tab lists what the
    // other made), or let the app show a workspace it shows read-only as the other tab saved it.
    savedElsewhere: function(dir) {
      if (!ISMS.status.available) return;  // nothing is kept here: nothing to read again
      if (ISMS.shared[dir]) {
        ISMS.enqueue({
          run: function(done) {
            ISMS.readKept(dir, ISMS.sharedPath(dir), function(err, kept) {
              if (!done()) return;
              var problem = err || ISMS.foldIn(dir, kept);
              if (problem) console.warn('the list of workspaces was not read again: ' + ISMS.errorText(problem));
            });
          },
          fail: function() {},
        });
      } else if (ISMS.readOnly[dir] && ISMS.mountAt(dir)) {
        ISMS.tellDir('_isms_dir_changed', dir);
      }
    },

    // --- Folders every tab writes (the list of workspaces) ---
    sharedPath: function(dir) { return dir + '/' + ISMS.shared[dir].file; },
    readLocal: function(path) {
      try { return FS.readFile(path); } catch (e) { return null; }  // a copy, or null when missing
    },
    // IndexedDB's copy of one file: callback(err, entry or null, db).
    readKept: function(dir, path, callback) {
      IDBFS.getDB(dir, function(err, db) {
        if (err) return callback(err);
        var request;
        try {
          request = db.transaction([IDBFS.DB_STORE_NAME], 'readonly').objectStore(IDBFS.DB_STORE_NAME).get(path);
        } catch (e) { return callback(e); }
        request.onsuccess = function() { callback(null, request.result || null, db); };
        request.onerror = function(e) { e.preventDefault(); callback(request.error); };
      });
    },
    sameBytes: function(a, b) {
      if (!a || !b) return !a && !b;
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    },
    // Folds the kept copy into this tab's file when another tab wrote it since this tab's base
    // (C++ merges the two lists: core/workspace/catalog_merge). Returns an error, or null.
    foldIn: function(dir, kept) {
      var share = ISMS.shared[dir];
      var theirs = kept && kept.contents ? new Uint8Array(kept.contents) : null;
      if (!theirs || ISMS.sameBytes(theirs, share.base)) return null;
      var folder = '/tmp/isms-merge';
      var ok = 0;
      try {
        FS.mkdirTree(folder);
        FS.writeFile(folder + '/theirs', theirs);
        if (share.base) FS.writeFile(folder + '/base', share.base);
        ISMS.withCString(ISMS.sharedPath(dir), function(ours) {
          ISMS.withCString(folder + '/theirs', function(theirsPath) {
            ISMS.withCString(share.base ? folder + '/base' : '', function(base) {
              ok = Module['_isms_merge_shared'](ours, base, theirsPath);
            });
          });
        });
      } catch (e) { return e; } finally {
        ['theirs', 'base'].forEach(function(name) { try { FS.unlink(folder + '/' + name); } catch (e) {} });
      }
      if (!ok) return new Error('the list of workspaces could not be combined with the one another tab saved');
      share.base = theirs;
      ISMS.tellDir('_isms_dir_changed', dir);
      return null;
    },
    // Writes a shared folder's file back under its lock: what another tab wrote first is folded
    // in, then the file is put, in one task, so no change of this tab slips between the two.
    writeShared: function(dir, callback) {
      var path = ISMS.sharedPath(dir);
      var work = function(release) {
        var finished = false;
        var finish = function(err) {
          if (finished) return;
          finished = true;
          release();
          callback(err);
        };
        setTimeout(function() { finish(new Error('IndexedDB did not answer')); }, ISMS.watchdogMs);
        ISMS.readKept(dir, path, function(err, kept, db) {
          if (err) return finish(err);
          var problem = ISMS.foldIn(dir, kept);
          if (problem) return finish(problem);
          var bytes = ISMS.readLocal(path);
          if (!bytes) return finish(null);
          try {
            var stat = FS.stat(path);
            var tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
            tx.objectStore(IDBFS.DB_STORE_NAME).put({ timestamp: stat.mtime, mode: stat.mode, contents: bytes }, path);
            tx.oncomplete = function() { ISMS.shared[dir].base = bytes; finish(null); };
            tx.onerror = function(e) { e.preventDefault(); finish(tx.error); };
            tx.onabort = function() { finish(tx.error || new Error('the write was aborted')); };
          } catch (e) { finish(e); }
        });
      };
      if (!navigator.locks) return work(function() {});
      navigator.locks.request(ISMS.lockName(dir), function() {
        return new Promise(function(resolve) { work(resolve); });
      }).catch(function(e) { callback(e); });
    },

    // --- Storage that lasts (issue 6) ---
    // The space used and the quota, at most every `minMs` (after each write-back).
    estimate: function(minMs) {
      var storage = navigator.storage;
      if (!storage || !storage.estimate || Date.now() - ISMS.estimatedAt < minMs) return;
      ISMS.estimatedAt = Date.now();
      storage.estimate().then(function(e) {
        ISMS.storageInfo.used = e.usage || 0;
        ISMS.storageInfo.quota = e.quota || 0;
        ISMS.wake();
      }, function() {});
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
        delete ISMS.failed[dir];
        if (ISMS.shared[dir]) ISMS.shared[dir].base = ISMS.readLocal(ISMS.sharedPath(dir));
      }
      ISMS.withCString(err ? ISMS.errorText(err) : '', function(msg) {
        Module['_isms_storage_loaded'](token, err ? 0 : 1, msg);
      });
      ISMS.wake();
    };
    ISMS.enqueue({
      run: function(done) {
        if (mountError) { done(); return answer(mountError); }
        // Loaded again (another tab may have written it): changes here not yet written back stay.
        if (ISMS.dirty[dir]) { done(); return answer(null); }
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
    var dir = UTF8ToString(dirPtr);
    if (ISMS.readOnly[dir]) return;  // another tab holds it: what changed here stays in memory
    ISMS.dirty[dir] = true;
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

  // A new version of the deployed site is installed and waiting (web/shell/boot.js, isms.update).
  isms_update_available: function() {
    var update = window['isms'] && window['isms']['update'];
    return update && update['available'] ? 1 : 0;
  },

  // The person clicked Reload: every change is written back first, and the page moves to the new
  // version only when that worked; after a failed write-back it stays, changes in memory, and the
  // save status says why. (Without storage there is nothing to write; the banner warned them.)
  isms_update_apply__deps: ['$ISMS'],
  isms_update_apply: function() {
    if (ISMS.applyingUpdate) return;
    ISMS.applyingUpdate = true;
    ISMS.saveNow();
    // The queue runs in order: this runs once the write-back queued just now has answered.
    ISMS.enqueue({
      run: function(done) {
        done();
        ISMS.applyingUpdate = false;
        var kept = !ISMS.status.available || (!ISMS.status.error && Object.keys(ISMS.dirty).length === 0);
        if (kept) window['isms']['update']['apply']();
      },
      fail: function() { ISMS.applyingUpdate = false; },
    });
  },

  // Two tabs or windows on one workspace (issue 6): asks to hold `dir`, then calls
  // isms_lock_answered(token, granted). Without take-over, granted only when no other tab holds
  // it. With take-over, the holder is asked (BroadcastChannel) to write back and let go, and
  // overruled (steal) if it has not after takeOverWaitMs. Once held, losing it (stolen) is told
  // through isms_dir_lost. Without Web Locks (an insecure http:// page) every claim is granted.
  isms_lock_claim__deps: ['$ISMS'],
  isms_lock_claim: function(dirPtr, takeOver, token) {
    var dir = UTF8ToString(dirPtr);
    var answered = false;
    var answer = function(granted) {
      if (answered) return;
      answered = true;
      if (granted) delete ISMS.readOnly[dir]; else ISMS.readOnly[dir] = true;
      Module['_isms_lock_answered'](token, granted ? 1 : 0);
      ISMS.wake();
    };
    ISMS.openChannel();
    if (ISMS.locks[dir] || !navigator.locks) return setTimeout(function() { answer(true); }, 0);
    var entry = {};
    var timer = 0;
    var hold = function(lock) {
      if (timer) clearTimeout(timer);
      if (!lock) return answer(false);
      return new Promise(function(resolve) {
        entry.release = resolve;
        ISMS.locks[dir] = entry;
        answer(true);
      });
    };
    // The request ends in an error when another tab stole the lock from this one.
    var lost = function() {
      if (ISMS.locks[dir] !== entry) return;
      delete ISMS.locks[dir];
      delete ISMS.dirty[dir];
      ISMS.readOnly[dir] = true;
      ISMS.tellDir('_isms_dir_lost', dir);
    };
    var request = function(options) { return navigator.locks.request(ISMS.lockName(dir), options, hold); };
    if (!takeOver) return request({ ifAvailable: true }).catch(lost);
    var waiting = new AbortController();
    timer = setTimeout(function() { waiting.abort(); }, ISMS.takeOverWaitMs);
    ISMS.post({ type: 'release', dir: dir });
    request({ signal: waiting.signal }).catch(function(err) {
      if (entry.release) return lost();
      if (err && err.name === 'AbortError') return request({ steal: true }).catch(lost);
      answer(false);
    });
  },

  // Lets go of a held folder after its pending write-back (a workspace closed here).
  isms_lock_release__deps: ['$ISMS'],
  isms_lock_release: function(dirPtr) {
    var dir = UTF8ToString(dirPtr);
    if (ISMS.locks[dir]) ISMS.letGo(dir, false);
  },

  // `dir` is written by every tab (the list of workspaces, in the file `file`): its write-backs
  // fold in what another tab wrote first, and other tabs' write-backs are folded in here.
  isms_storage_share__deps: ['$ISMS'],
  isms_storage_share: function(dirPtr, filePtr) {
    var dir = UTF8ToString(dirPtr);
    if (!ISMS.shared[dir]) ISMS.shared[dir] = { file: UTF8ToString(filePtr), base: null };
    ISMS.openChannel();
  },

  // Storage that lasts: asks once for persistent storage (after asking whether it is already),
  // and reads the space used and the quota again.
  isms_storage_info_refresh__deps: ['$ISMS'],
  isms_storage_info_refresh: function() {
    var storage = navigator.storage;
    if (!storage) return;
    if (!ISMS.persistAsked && storage.persisted) {
      ISMS.persistAsked = true;
      storage.persisted().then(function(already) {
        return already || !storage.persist ? already : storage.persist();
      }).then(function(granted) {
        ISMS.storageInfo.persistenceKnown = true;
        ISMS.storageInfo.persistent = !!granted;
        ISMS.wake();
      }, function() {});
    }
    ISMS.estimate(0);
  },

  // What the browser said, as a JSON string the caller frees.
  isms_storage_info_json__deps: ['$ISMS'],
  isms_storage_info_json: function() {
    var i = ISMS.storageInfo;
    return allocateUTF8(JSON.stringify({
      persistenceKnown: i.persistenceKnown, persistent: i.persistent, used: i.used, quota: i.quota,
    }));
  },

  // Settings of this browser profile (localStorage; in memory when the browser refuses it).
  // Returns a string the caller frees.
  isms_setting_get__deps: ['$ISMS'],
  isms_setting_get: function(keyPtr) {
    var key = 'isms-register.' + UTF8ToString(keyPtr);
    var value = ISMS.settings[key];
    try { value = window.localStorage.getItem(key); } catch (e) {}
    return allocateUTF8(value || '');
  },
  isms_setting_set__deps: ['$ISMS'],
  isms_setting_set: function(keyPtr, valuePtr) {
    var key = 'isms-register.' + UTF8ToString(keyPtr);
    var value = UTF8ToString(valuePtr);
    if (value === '') {  // unset: nothing left behind for a workspace deleted for good
      delete ISMS.settings[key];
      try { window.localStorage.removeItem(key); } catch (e) {}
      return;
    }
    ISMS.settings[key] = value;
    try { window.localStorage.setItem(key, value); } catch (e) {}
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
    window.addEventListener('keydown', function(e) {
      keypressChar = null;
      // The app's shortcuts that the browser would take: Ctrl+K (search everywhere; the address
      // bar's search otherwise) and Ctrl+N (a new record; a new window otherwise, which a normal
      // Chromium tab keeps for itself whatever the page says). GLFW still sees the key.
      // Ctrl+Z / Ctrl+Y are the app's undo and redo (or ImGui's, in a text field). The browser's
      // own undo would run too, on this textarea, and focus it: the canvas's blur then makes
      // GLFW release every key, Ctrl included, before ImGui sees the chord.
      var key = (e.key || '').toLowerCase();
      if (e.ctrlKey && !e.altKey && !e.metaKey && (e.keyCode === 75 || e.keyCode === 78)) e.preventDefault();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) e.preventDefault();
    }, true);
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
