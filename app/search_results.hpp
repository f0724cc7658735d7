#pragma once
// Search everywhere (issue 4, Ctrl+K): what the search box remembers, when it asks core again
// (core/store/search.hpp), and where a result opens. ImGui-free, tested natively
// (tests/app/search_results_test.cpp); app/views/search_box.cpp draws it.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/store/repository.hpp"
#include "core/store/search.hpp"

namespace isms::app {

struct UiState;

struct SearchBox {
  bool requested = false;  // opens the box in the next frame (Ctrl+K, the top bar's button)
  std::string text;
  std::vector<SearchHit> hits;
  int highlight = 0;  // the hit Enter opens
  // What the hits were read for: read again when the text, the workspace or its data changes.
  std::string read_text, read_workspace;
  std::uint64_t read_at = std::numeric_limits<std::uint64_t>::max();
  // Typing: when the text last changed (seconds, the caller's clock), and what the last search
  // cost. A search slower than search_quick_ms waits for a pause in typing.
  std::string typed_text;
  double typed_at = 0;
  double last_cost_ms = 0;
};

inline constexpr std::size_t search_limit = 50;
inline constexpr double search_quick_ms = 25;   // quick enough to run at every keystroke
inline constexpr double search_pause_s = 0.25;  // else: asked once typing pauses this long

// Every register a person can reach: all of core's registry but the workspace's own details.
std::vector<std::string> searchable_kinds(const Registry& registry);

// Reads the hits again when the question, the workspace or its data changed since the last read;
// a new question puts the highlight back on the first hit. On a large workspace, where a search
// took longer than search_quick_ms, a changed question waits until typing paused for
// search_pause_s (`now` in seconds), or `now_please` (Enter wants the hits of what is typed).
// Returns the milliseconds until the search is due (0: the hits are current).
int refresh_search(SearchBox& box, const Repository& records, const std::string& workspace_id,
                   std::uint64_t data_revision, double now, bool now_please = false);

// Up/Down: the highlight moves, stopping at the ends.
void move_highlight(SearchBox& box, int delta);

// The record a hit opens: itself when its register has a page in the navigation (a treatment
// action, a control, a RACI cell), else the record it is part of, up to one that has (a KPI for
// its measurement, the asset for its attachment). Empty kind when none has a page.
struct RecordPlace {
  std::string kind, id;
};
RecordPlace place_of(const Repository& records, const SearchHit& hit);

// What a hit's line says besides its title: its register's label, or for a part
// "Treatment action of Ransomware".
std::string hit_context(const Registry& registry, const SearchHit& hit);

// Opens the hit in its register's editor (app/record_navigation.hpp: unsaved changes of another
// record are never dropped for it). False when it cannot be opened (gone, or nowhere to show it).
bool open_search_hit(UiState& ui, const Repository& records, const SearchHit& hit);

}  // namespace isms::app
