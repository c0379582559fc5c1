/* roadmap-text.c — what counts as text
 *
 * GLib takes every code point but the surrogates as valid UTF-8, so a
 * file's strings may hold noncharacters (U+FFFE, U+FDD0…), which cairo
 * refuses to draw, and control characters, which a terminal obeys when an
 * error message quotes them. Every door (the roadmap loader, the progress
 * file, a note typed in the window) checks its text here; messages quote
 * user text through roadmap_text_escape_for_message(); and the report
 * repairs whatever reaches it anyway (from an older database, later from
 * another client) with roadmap_text_sanitize_for_drawing().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "roadmap-text.h"

#define REPLACEMENT_CHARACTER 0xFFFD
#define MAX_HOST_LENGTH       253
#define MAX_LABEL_LENGTH      63

G_DEFINE_QUARK (roadmap-text-error-quark, roadmap_text_error)

typedef enum
{
  ONE_LINE,
  SEVERAL_LINES,
} Lines;

/* Helpers */

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* Shown escaped in a message: what a terminal would obey, or what cannot
 * be seen (zero-width and direction marks, line separators). */
static gboolean
needs_escape (gunichar c)
{
  return is_control (c) || roadmap_text_is_noncharacter (c) ||
         g_unichar_type (c) == G_UNICODE_FORMAT ||
         c == 0x2028 || c == 0x2029;
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  if (c <= 0xFFFF)
    g_string_append_printf (out, "\\u%04X", c);
  else
    g_string_append_printf (out, "\\U%08X", c);
}

/* "U+001B", for messages */
static char *
code_point_name (gunichar c)
{
  return g_strdup_printf ("U+%04X", c);
}

static gboolean
check_lines (const char  *text,
             Lines        lines,
             GError     **error)
{
  glong position = 1;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_ENCODING,
                           _("the text is not valid UTF-8"));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c;
      g_autofree char *name = NULL;

      /* Most text is printable ASCII */
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        continue;

      c = g_utf8_get_char (p);

      if (roadmap_text_is_noncharacter (c))
        {
          name = code_point_name (c);
          g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_NONCHARACTER,
                       /* Translators: %s is a code point such as U+FFFE, %ld its place */
                       _("the text contains %s (character %ld), which is not a character"),
                       name, position);
          return FALSE;
        }

      if (lines == SEVERAL_LINES &&
          (c == '\n' || c == '\t' || (c == '\r' && p[1] == '\n')))
        continue;

      if (is_control (c) || (lines == ONE_LINE && (c == 0x2028 || c == 0x2029)))
        {
          name = code_point_name (c);
          g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_CONTROL,
                       lines == ONE_LINE
                         /* Translators: %s is a code point such as U+001B, %ld its place */
                         ? _("the text contains the control character %s (character %ld); it must be one line of plain text")
                         /* Translators: %s is a code point such as U+001B, %ld its place */
                         : _("the text contains the control character %s (character %ld); only line breaks and tabs are allowed"),
                       name, position);
          return FALSE;
        }
    }

  return TRUE;
}

/* Blank fillers that are letters or symbols to Unicode but draw nothing */
static gboolean
is_blank_filler (gunichar c)
{
  return c == 0x115F || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
}

static gboolean
is_visible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return FALSE;
    default:
      break;
    }

  return !g_unichar_isspace (c) && !g_unichar_iszerowidth (c) &&
         !roadmap_text_is_noncharacter (c) && !is_blank_filler (c);
}

/* RFC 3986: unreserved, reserved, and "%" of a percent-encoding */
static gboolean
is_uri_ascii (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("-._~:/?#[]@!$&'()*+,;=%", c) != NULL);
}

/* Whether @url has only those characters (most links): then it is one
 * line of valid UTF-8 too */
static gboolean
is_all_uri_ascii (const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      if (!is_uri_ascii (*p))
        return FALSE;
    }

  return TRUE;
}

/* Letters, digits and "-" in labels of 1 to 63, one trailing dot at most;
 * GUri has made an international name ASCII ("xn--…") already. */
static gboolean
is_host_name (const char *host)
{
  g_auto(GStrv) labels = NULL;
  guint n;

  if (g_hostname_is_ip_address (host))
    return TRUE;
  if (host[0] == '\0' || strlen (host) > MAX_HOST_LENGTH + 1)
    return FALSE;

  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  /* "example.org." is "example.org" */
  if (n > 1 && labels[n - 1][0] == '\0')
    n--;

  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > MAX_LABEL_LENGTH ||
          labels[i][0] == '-' || labels[i][length - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < length; j++)
        {
          if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
            return FALSE;
        }
    }

  return TRUE;
}

/* Public API */

/**
 * roadmap_text_is_noncharacter:
 *
 * Returns: whether @c is one of the 66 code points Unicode keeps out of
 *   text for good: U+FDD0…U+FDEF, and the last two of every plane
 */
gboolean
roadmap_text_is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || ((c & 0xFFFE) == 0xFFFE && c <= 0x10FFFF);
}

/**
 * roadmap_text_has_visible:
 * @text: valid UTF-8
 *
 * Returns: whether @text has a character that draws something: not a
 *   space, a control, a zero-width or format character ("\u200B",
 *   "\uFEFF", "\u2060"…), a lone combining mark, nor a blank filler
 */
gboolean
roadmap_text_has_visible (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_visible (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/**
 * roadmap_text_check_single_line:
 *
 * For ids, titles, topics and links: valid UTF-8, no noncharacter, no
 * control character at all (no line break, no tab) and no Unicode line
 * or paragraph separator.
 *
 * Returns: %FALSE with @error set in %ROADMAP_TEXT_ERROR if @text breaks
 *   a rule; the message names the first offending character
 */
gboolean
roadmap_text_check_single_line (const char  *text,
                                GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return check_lines (text, ONE_LINE, error);
}

/**
 * roadmap_text_check_multi_line:
 *
 * For summaries and notes: like roadmap_text_check_single_line(), but
 * line feeds, tabs and CR LF line ends are allowed (a lone CR is not: a
 * terminal would write the next line over this one).
 */
gboolean
roadmap_text_check_multi_line (const char  *text,
                               GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return check_lines (text, SEVERAL_LINES, error);
}

/**
 * roadmap_text_check_title:
 *
 * One line (see roadmap_text_check_single_line()) with at least one
 * visible character (see roadmap_text_has_visible()).
 */
gboolean
roadmap_text_check_title (const char  *text,
                          GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_lines (text, ONE_LINE, error))
    return FALSE;

  if (!roadmap_text_has_visible (text))
    {
      g_set_error_literal (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_INVISIBLE,
                           _("the text has nothing visible: only spaces or invisible characters"));
      return FALSE;
    }

  return TRUE;
}

/* @text as an error message quotes it */
static char *
quote (const char *text)
{
  return roadmap_text_escape_for_message (text, ROADMAP_TEXT_QUOTE_MAX_CHARS);
}

/* One line, holding only what a link may hold unencoded: the characters
 * RFC 3986 allows, and visible characters beyond ASCII */
static gboolean
check_url_characters (const char  *url,
                      GError     **error)
{
  if (is_all_uri_ascii (url))
    return TRUE;

  if (!roadmap_text_check_single_line (url, error))
    return FALSE;

  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *quoted = NULL;
      g_autofree char *name = NULL;

      if (c < 0x80 ? is_uri_ascii ((char) c) : is_visible (c))
        continue;

      quoted = quote (url);
      name = code_point_name (c);
      g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_URL,
                   /* Translators: the first %s is a web address, the second
                    * a code point such as U+0020 */
                   _("“%s” is not a valid link: %s must be percent-encoded"), quoted, name);
      return FALSE;
    }

  return TRUE;
}

/**
 * roadmap_text_check_url:
 *
 * A link a browser may open: one line of text; an http:// or https://
 * address with a host name or IP address, and no user name or password;
 * only the characters RFC 3986 allows (a space, a quote, "<", "\" and the
 * like must be percent-encoded), and visible characters beyond ASCII.
 * g_uri_parse() alone takes spaces and quotes, in the host too.
 *
 * Returns: %FALSE with @error set: %ROADMAP_TEXT_ERROR_URL, or the error
 *   of roadmap_text_check_single_line()
 */
gboolean
roadmap_text_check_url (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (url != NULL, FALSE);

  if (!check_url_characters (url, error))
    return FALSE;

  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_autofree char *quoted = quote (url);

      g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_URL,
                   _("“%s” is not allowed: links must be http:// or https:// addresses"), quoted);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &parse_error);
  if (uri == NULL)
    {
      g_autofree char *quoted = quote (url);

      g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_URL,
                   /* Translators: %s is a web address, then why it is not one */
                   _("“%s” is not a valid link: %s"), quoted, parse_error->message);
      return FALSE;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    {
      g_autofree char *quoted = quote (url);

      g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_URL,
                   _("“%s” is not allowed: links must be http:// or https:// addresses"), quoted);
      return FALSE;
    }

  /* Not quoted: a password does not belong in a message either */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_URL,
                           _("a link must not contain a user name or password"));
      return FALSE;
    }

  if (!is_host_name (host))
    {
      g_autofree char *quoted = quote (url);
      g_autofree char *quoted_host = quote (host);

      g_set_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_URL,
                   /* Translators: the first %s is a web address, the second its host */
                   _("“%s” is not a valid link: “%s” is not a host name"), quoted, quoted_host);
      return FALSE;
    }

  return TRUE;
}

/**
 * roadmap_text_escape_for_message:
 * @text: any bytes, such as a value that failed a check
 * @max_chars: how many characters to keep (then "…"), or 0 for all
 *
 * For quoting user text in a message a terminal may print: control
 * characters, noncharacters, format characters (zero-width, direction
 * marks) and line separators become "\u001B" ("\U000E0001" beyond the
 * first plane), bytes that are not UTF-8 "\xE9". The rest, backslashes
 * too, is kept as it is, so escaping twice changes nothing.
 *
 * Returns: (transfer full): valid UTF-8 that holds no control character
 */
char *
roadmap_text_escape_for_message (const char *text,
                                 gsize       max_chars)
{
  const char *end;
  GString *out;
  gsize n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  out = g_string_sized_new (end - text);

  for (const char *p = text; p < end; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      if (needs_escape (c))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * roadmap_text_sanitize_for_drawing:
 * @text: (nullable): text to hand to Pango or cairo
 * @copy: (out) (transfer full): set to the repaired copy, if one was made
 *
 * cairo refuses a whole page (CAIRO_STATUS_INVALID_STRING) for one
 * noncharacter in it, and Pango warns on bytes that are not UTF-8: both
 * become U+FFFD, the replacement character. The checks at the doors keep
 * them out of files; this is for what comes in by other ways.
 *
 * Returns: @text when it is fine as it is, or *@copy
 */
const char *
roadmap_text_sanitize_for_drawing (const char  *text,
                                   char       **copy)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean clean;

  g_return_val_if_fail (copy != NULL, NULL);

  *copy = NULL;
  if (text == NULL)
    return NULL;

  clean = g_utf8_validate (text, -1, NULL);
  for (const char *p = text; clean && *p != '\0'; p = g_utf8_next_char (p))
    clean = !roadmap_text_is_noncharacter (g_utf8_get_char (p));
  if (clean)
    return text;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (roadmap_text_is_noncharacter (c))
        g_string_append_unichar (out, REPLACEMENT_CHARACTER);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  *copy = g_string_free (out, FALSE);
  return *copy;
}
