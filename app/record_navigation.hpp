#pragma once
// Opening a record from somewhere else than its register's table (the dashboard's lists): its
// register page with the record in the editor, exactly as a click on its row would show it.

#include <string>

#include "app/ui_state.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

// Shows the record in its register page's editor. Unsaved changes of another record are never
// dropped for it: that record's page is shown instead, with a note to save or discard them first.
// Returns false (and changes nothing) when the record is gone.
bool open_in_register(UiState& ui, const Repository& records, const std::string& kind, const std::string& id);

}  // namespace isms::app
