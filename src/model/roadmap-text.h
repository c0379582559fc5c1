/* roadmap-text.h — what counts as text: the checks at every door, the
 * escaping of user text quoted in messages, and the last repair before
 * text is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of a user's text a message quotes, in characters */
#define ROADMAP_TEXT_QUOTE_MAX_CHARS 80

#define ROADMAP_TEXT_ERROR (roadmap_text_error_quark ())

/**
 * RoadmapTextError:
 * @ROADMAP_TEXT_ERROR_ENCODING: not valid UTF-8
 * @ROADMAP_TEXT_ERROR_NONCHARACTER: holds a Unicode noncharacter (U+FFFE,
 *   U+FDD0…U+FDEF, U+nFFFE/U+nFFFF in any plane)
 * @ROADMAP_TEXT_ERROR_CONTROL: holds a control character where it is not
 *   allowed (any in one line; other than LF, TAB and CR LF in several)
 * @ROADMAP_TEXT_ERROR_INVISIBLE: a title with nothing visible
 * @ROADMAP_TEXT_ERROR_URL: not a plain http(s) address
 *
 * The messages say what is wrong with the text, starting with "the text"
 * or quoting it; the caller names the file and the place.
 */
typedef enum
{
  ROADMAP_TEXT_ERROR_ENCODING,
  ROADMAP_TEXT_ERROR_NONCHARACTER,
  ROADMAP_TEXT_ERROR_CONTROL,
  ROADMAP_TEXT_ERROR_INVISIBLE,
  ROADMAP_TEXT_ERROR_URL,
} RoadmapTextError;

GQuark       roadmap_text_error_quark             (void);

gboolean     roadmap_text_is_noncharacter         (gunichar     c);
gboolean     roadmap_text_has_visible             (const char  *text);

gboolean     roadmap_text_check_single_line       (const char  *text,
                                                   GError     **error);
gboolean     roadmap_text_check_multi_line        (const char  *text,
                                                   GError     **error);
gboolean     roadmap_text_check_title             (const char  *text,
                                                   GError     **error);
gboolean     roadmap_text_check_url               (const char  *url,
                                                   GError     **error);

char        *roadmap_text_escape_for_message      (const char  *text,
                                                   gsize        max_chars);
const char  *roadmap_text_sanitize_for_drawing    (const char  *text,
                                                   char       **copy);

G_END_DECLS
