#pragma once
// What the interface needs from the machine it runs on, and nothing more. The browser
// implements it in web/; native tests use a fake. Keeps app/ free of Emscripten.

#include <functional>
#include <string>
#include <utility>

#include "core/store/storage_observer.hpp"

namespace isms::app {

// Where the last committed change stands: in memory only, being written, or kept by the browser.
struct SaveStatus {
  bool storage_available = true;  // false: the browser keeps nothing (private mode, blocked storage)
  bool saving = false;            // a write-back is queued or running
  std::string last_saved_at;      // local time of the last successful write-back, "" if none yet
  std::string error;              // the last write-back's failure, "" when it succeeded
};

// What the browser says about keeping this site's data (navigator.storage).
struct StorageInfo {
  bool persistence_known = false;  // the browser answered whether it keeps the data for good
  bool persistent = false;         // it will not clear this site's data to free space
  double used_bytes = 0;           // navigator.storage.estimate(); quota_bytes 0: not known
  double quota_bytes = 0;
};

class Platform : public StorageObserver {
 public:
  using LoadDone = std::function<void(bool ok, const std::string& error)>;

  // Makes a folder's kept copy available to the file system; `done` runs when it is (perhaps
  // later, from the event loop). When it fails the folder still works, in memory only.
  virtual void load_dir(const std::string& dir, LoadDone done) = 0;
  // Writes every changed folder back now instead of after the debounce.
  virtual void flush() = 0;
  virtual SaveStatus save_status() const = 0;
  // Asks for frames to be drawn again after `ms` (tooltips, timed messages).
  virtual void wake_after(int ms) = 0;

  // Makes one file of a loaded folder readable. Attachment bytes are kept apart from the rest of
  // their workspace's folder and not loaded with it (a workspace may hold 250 MB of evidence), so
  // the app asks for each file when a person opens it; `done` runs when it is there, perhaps later.
  virtual void load_file(const std::string& path, LoadDone done) = 0;

  // Drops the kept copy of one file of a loaded folder (freed attachment bytes): a folder's
  // write-back never deletes files kept apart, so they are dropped one by one.
  virtual void forget_file(const std::string& path) = 0;

  using FilePicked = std::function<void(const std::string& name, const std::string& media_type, std::string bytes)>;
  // Asks the person to choose a file; `picked` runs later with it. Nothing runs if they cancel.
  // `accept` narrows the picker's choice as an HTML accept attribute (".json"); "" for any file.
  virtual void pick_file(const std::string& accept, FilePicked picked) = 0;
  // Who receives a file dropped onto the window (an empty function: nobody, drops are ignored).
  virtual void on_file_dropped(FilePicked handler) = 0;
  // Hands bytes to the person as a file to keep (the browser's download).
  virtual void download(const std::string& name, const std::string& media_type, const std::string& bytes) = 0;

  // A new version of the app (the deployed site's service worker) is installed and waits; this
  // page keeps running the version it started with until the person chooses to reload.
  virtual bool update_available() const { return false; }
  // Writes every pending change back to the browser's storage, then reloads into the new version
  // (nothing happens if the write-back fails: the storage banner says why).
  virtual void apply_update() {}

  // Storage that lasts (issue 6). Persistence is asked for once at start; refresh_storage_info
  // reads the space used again. The defaults know nothing, which the app shows as unknown.
  virtual StorageInfo storage_info() const { return {}; }
  virtual void refresh_storage_info() {}

  // Settings of this browser profile (the export reminder's days, a workspace's table layout):
  // short texts by key, "" when unset; setting "" removes the key. The default keeps nothing.
  virtual std::string setting(const std::string& /*key*/) const { return {}; }
  virtual void set_setting(const std::string& /*key*/, const std::string& /*value*/) {}

  // Two tabs on one workspace. Only the tab that holds a folder writes it back. claim_dir asks to
  // hold `dir`: granted when no other tab holds it; with `take_over` the holder is asked to write
  // back what it has and let go (and is overruled if it does not answer). done(false): another
  // tab holds it. The default grants at once (one tab only, or natively).
  using ClaimDone = std::function<void(bool granted)>;
  virtual void claim_dir(const std::string& /*dir*/, bool /*take_over*/, ClaimDone done) { done(true); }
  // Lets go of a held folder once its pending write-back is done.
  virtual void release_dir(const std::string& /*dir*/) {}
  // Who hears that another tab took a held folder over (it is no longer written back from here),
  // and that another tab wrote a folder this tab has loaded (the list of workspaces, folded in
  // already; a workspace shown read-only here).
  using DirEvent = std::function<void(const std::string& dir)>;
  virtual void on_dir_lost(DirEvent /*handler*/) {}
  virtual void on_dir_changed_elsewhere(DirEvent /*handler*/) {}
  // Loads a folder's kept copy again, since another tab may have written it after this tab
  // loaded it; changes here not yet written back are kept instead. Default: an ordinary load.
  virtual void reload_dir(const std::string& dir, LoadDone done) { load_dir(dir, std::move(done)); }
};

}  // namespace isms::app
