#pragma once
// What the interface needs from the machine it runs on, and nothing more. The browser
// implements it in web/; native tests use a fake. Keeps app/ free of Emscripten.

#include <functional>
#include <string>

#include "core/store/storage_observer.hpp"

namespace isms::app {

// Where the last committed change stands: in memory only, being written, or kept by the browser.
struct SaveStatus {
  bool storage_available = true;  // false: the browser keeps nothing (private mode, blocked storage)
  bool saving = false;            // a write-back is queued or running
  std::string last_saved_at;      // local time of the last successful write-back, "" if none yet
  std::string error;              // the last write-back's failure, "" when it succeeded
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
};

}  // namespace isms::app
