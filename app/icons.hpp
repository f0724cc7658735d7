#pragma once
// Font Awesome 4.7 code points (fonts-font-awesome) as UTF-8 string literals, macros so that they
// join other literals: ICON_PLUS " New workspace". The icon font is merged into the text font
// (app/fonts.cpp), so icons sit inside any label. The automation bridge drops these private-use
// characters from the labels it reports.

#define ICON_SHIELD "\xef\x84\xb2"        // U+F132
#define ICON_FOLDER_OPEN "\xef\x81\xbc"   // U+F07C
#define ICON_FOLDER "\xef\x81\xbb"        // U+F07B
#define ICON_PLUS "\xef\x81\xa7"          // U+F067
#define ICON_MINUS "\xef\x81\xa8"         // U+F068
#define ICON_TRASH "\xef\x87\xb8"         // U+F1F8
#define ICON_PENCIL "\xef\x81\x80"        // U+F040
#define ICON_UNDO "\xef\x83\xa2"          // U+F0E2
#define ICON_REPEAT "\xef\x80\x9e"        // U+F01E (redo)
#define ICON_CHECK "\xef\x80\x8c"         // U+F00C
#define ICON_CHECK_CIRCLE "\xef\x81\x98"  // U+F058
#define ICON_WARNING "\xef\x81\xb1"       // U+F071
#define ICON_DATABASE "\xef\x87\x80"      // U+F1C0
#define ICON_SEARCH "\xef\x80\x82"        // U+F002
#define ICON_COG "\xef\x80\x93"           // U+F013
#define ICON_DASHBOARD "\xef\x83\xa4"     // U+F0E4
#define ICON_SITEMAP "\xef\x83\xa8"       // U+F0E8
#define ICON_CUBES "\xef\x86\xb3"         // U+F1B3
#define ICON_ARROW_LEFT "\xef\x81\xa0"    // U+F060
#define ICON_TIMES "\xef\x80\x8d"         // U+F00D
#define ICON_REFRESH "\xef\x80\xa1"       // U+F021
#define ICON_CLOCK "\xef\x80\x97"         // U+F017
#define ICON_USERS "\xef\x83\x80"         // U+F0C0
#define ICON_BUILDING "\xef\x86\xad"      // U+F1AD
#define ICON_BRIEFCASE "\xef\x82\xb1"     // U+F0B1
#define ICON_INFO "\xef\x81\x9a"          // U+F05A
#define ICON_HOME "\xef\x80\x95"          // U+F015
#define ICON_LIST "\xef\x80\xba"          // U+F03A
#define ICON_SAVE "\xef\x83\x87"          // U+F0C7
#define ICON_SPINNER "\xef\x84\x90"       // U+F110
#define ICON_BAN "\xef\x81\x9e"           // U+F05E
#define ICON_CIRCLE "\xef\x84\x91"        // U+F111
#define ICON_USER "\xef\x80\x87"          // U+F007
#define ICON_PAPERCLIP "\xef\x83\x86"     // U+F0C6
#define ICON_DOWNLOAD "\xef\x80\x99"      // U+F019
#define ICON_PRINT "\xef\x80\xaf"         // U+F02F
#define ICON_UPLOAD "\xef\x82\x93"        // U+F093
#define ICON_CALENDAR "\xef\x81\xb3"      // U+F073
#define ICON_TH "\xef\x80\x8a"            // U+F00A
#define ICON_FLAG "\xef\x80\xa4"          // U+F024 (overdue)
#define ICON_HISTORY "\xef\x87\x9a"       // U+F1DA

namespace isms::app::icon {
// The range the icon font contributes to the atlas.
inline constexpr unsigned short kFirst = 0xf000, kLast = 0xf2e0;
}  // namespace isms::app::icon
