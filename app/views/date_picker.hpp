#pragma once
// A calendar under a date field's button (issue 4, item 3): the month of the field's date (or of
// today), arrows to the months around it, today marked, the chosen day highlighted; a click on a
// day writes it as YYYY-MM-DD. Typing the date stays possible: the field is still a text field.

#include <string>

namespace isms::app::views {

// Draws the popup `popup_id` if it is open; true when a day (or Clear) changed `text`.
// `today` is "YYYY-MM-DD".
bool date_picker_popup(const char* popup_id, std::string& text, const std::string& today);

}  // namespace isms::app::views
