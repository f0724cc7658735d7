#pragma once
// What the interface remembers between frames: the page shown and the forms being filled in.
// Form text lives here, not in the views, so a validation error never throws away what was typed.

#include <string>
#include <vector>

#include "core/model/validation.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::app {

enum class Page { Workspaces, Trash, Overview };

struct CreateForm {
  bool open = false;
  WorkspaceDraft draft;
  std::vector<FieldError> errors;
};

struct RenameForm {
  bool requested = false;  // opens the modal on the next frame
  std::string id;
  std::string name;
  std::vector<FieldError> errors;
};

struct Confirmation {
  bool requested = false;
  std::string id;    // the workspace concerned, if any
  std::string name;  // shown in the question
};

struct UiState {
  Page page = Page::Workspaces;
  CreateForm create;
  RenameForm rename;
  Confirmation trash;        // move one workspace to the trash
  Confirmation empty_trash;  // delete every trashed workspace for good
};

}  // namespace isms::app
