#pragma once
// A new version of the deployed site (web/shell/boot.js watches its service worker): the two
// functions web/library_isms.js gives to C++ for it.

extern "C" {
// 1 while a new version is installed and waiting, else 0.
int isms_update_available();
// Writes every pending change back to IndexedDB, then moves the page to the new version; does
// nothing more if the write-back fails (the save status shows the failure).
void isms_update_apply();
}
