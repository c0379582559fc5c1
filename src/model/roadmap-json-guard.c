/* roadmap-json-guard.c — strict JSON pre-check run before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 recurses on nesting (so deep input crashes it) and silently
 * accepts invalid UTF-8, lone surrogate escapes, integers that overflow,
 * duplicate keys and some trailing garbage. This is a strict RFC 8259
 * validator over the raw bytes, with an explicit stack instead of recursion:
 * json-glib only ever sees a document that is well-formed and unambiguous.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-json-guard.h"
#include "roadmap-text.h"

#define MAX_SHOWN_CHARS   40                                      /* of a key or number in a message */
#define MAX_EXACT_INTEGER G_GUINT64_CONSTANT (9007199254740992)   /* 2^53 */
#define MAX_LINEAR_KEYS   16   /* an object with more keys gets a hash table */

typedef struct
{
  gboolean    is_object;
  guint       index;   /* arrays: index of the current element */
  const char *key;     /* objects: current member name, owned by @keys */
  GPtrArray  *keys;    /* objects: decoded member names seen so far */
  GHashTable *index_of_keys;  /* objects with many keys: @keys, to look up */
} Frame;

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint       max_depth;
  GArray     *stack;   /* of Frame, innermost container last */
  GString    *name;    /* scratch: the member name being read */
} Guard;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->index_of_keys, g_hash_table_unref);
  g_clear_pointer (&frame->keys, g_ptr_array_unref);
}

/* Most objects have a handful of keys: comparing them one by one costs
 * less than a hash table per object, which was most of the guard's time. */
static gboolean
frame_has_key (Frame      *frame,
               const char *name)
{
  if (frame->index_of_keys != NULL)
    return g_hash_table_contains (frame->index_of_keys, name);

  for (guint i = 0; frame->keys != NULL && i < frame->keys->len; i++)
    {
      if (strcmp (g_ptr_array_index (frame->keys, i), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
frame_add_key (Frame *frame,
               char  *name)
{
  if (frame->keys == NULL)
    frame->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (frame->keys, name);
  frame->key = name;

  if (frame->index_of_keys != NULL)
    g_hash_table_add (frame->index_of_keys, name);
  else if (frame->keys->len > MAX_LINEAR_KEYS)
    {
      frame->index_of_keys = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < frame->keys->len; i++)
        g_hash_table_add (frame->index_of_keys, g_ptr_array_index (frame->keys, i));
    }
}

static void
skip_space (Guard *g)
{
  while (g->p < g->end && (*g->p == ' ' || *g->p == '\t' || *g->p == '\n' || *g->p == '\r'))
    g->p++;
}

/* The length of the valid UTF-8 character at @p, or 0 if it is not valid. */
static gsize
utf8_char_length (const char *p,
                  const char *end)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  return c == (gunichar) -1 || c == (gunichar) -2 ? 0 : g_utf8_skip[*(const guchar *) p];
}

/* A short, printable copy of a key or token, to quote it in a message
 * (a key may hold anything, a C1 control character or a noncharacter). */
static char *
shown_text (const char *text,
            gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);

  return roadmap_text_escape_for_message (copy, MAX_SHOWN_CHARS);
}

/* "phases[1].skills[3].id"; keys that would be ambiguous as ["a.b"] */
static char *
render_path (Guard *g)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; g->stack != NULL && i < g->stack->len; i++)
    {
      const Frame *frame = &g_array_index (g->stack, Frame, i);
      g_autofree char *key = NULL;

      if (!frame->is_object)
        {
          g_string_append_printf (path, "[%u]", frame->index);
          continue;
        }
      if (frame->key == NULL)
        continue;

      key = shown_text (frame->key, strlen (frame->key));
      if (*key == '\0' || strpbrk (key, ".[]\" \\") != NULL)
        g_string_append_printf (path, "[\"%s\"]", key);
      else
        g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", key);
    }
  if (path->len == 0)
    /* Translators: the location of an error about the file as a whole */
    g_string_append (path, _("document"));

  return g_string_free (path, FALSE);
}

static char *
render_line_column (Guard      *g,
                    const char *where)
{
  guint line = 1, column = 1;

  /* Everything before @where has been checked to be UTF-8 */
  for (const char *p = g->start; p < where; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*p & 0xc0) != 0x80)
        column++;
    }

  /* Translators: where an error is in a file; columns count characters */
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* Sets "LOCATION: explanation", where LOCATION is the line and column of
 * @where, or the JSON path of the current value if @where is NULL. */
G_GNUC_PRINTF (5, 6)
static gboolean
fail (Guard       *g,
      GError     **error,
      int          code,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *location = where != NULL ? render_line_column (g, where) : render_path (g);
  g_autofree char *explanation = NULL;
  va_list args;

  va_start (args, format);
  explanation = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: an error message: where the error is, then what is wrong */
  g_set_error (error, ROADMAP_JSON_ERROR, code, _("%s: %s"), location, explanation);
  return FALSE;
}

/* For a character that cannot be at g->p: an encoding error if it is not
 * text at all, else a syntax error that names it. */
static gboolean
fail_unexpected (Guard      *g,
                 const char *expected,
                 GError    **error)
{
  gsize len = utf8_char_length (g->p, g->end);
  g_autofree char *shown = NULL;

  if (*g->p == '\0')
    return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, g->p,
                 _("the file contains a NUL byte, so it is not a text file"));
  if (len == 0)
    return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, g->p,
                 _("the file is not valid UTF-8 text"));

  shown = shown_text (g->p, len);
  /* Translators: the first %s says what was expected, e.g. “expected a value”;
   * the second is the character found instead */
  return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, g->p, _("%s (found “%s”)"), expected, shown);
}

static gboolean
fail_truncated (Guard   *g,
                GError **error)
{
  return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, g->end,
               _("the document ends too early; is the file complete?"));
}

/* The value of the four hex digits at @p, or -1 if they are not there. */
static int
read_hex4 (Guard      *g,
           const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      if (p + i >= g->end || !g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* Checks the string at g->p (its opening quote) and moves past it. For a
 * member name, @decoded receives the unescaped text. Encoding errors are
 * located by JSON path in values, by line and column in member names. */
static gboolean
scan_string (Guard    *g,
             GString  *decoded,
             GError  **error)
{
  static const char escapes[] = "\"\\/bfnrt";
  static const char escaped[] = "\"\\/\b\f\n\r\t";
  const char *open = g->p++;

  for (;;)
    {
      const char *p = g->p, *at = decoded != NULL ? p : NULL, *found;
      int unit, low;
      gsize len;

      if (p >= g->end)
        return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, open,
                     _("this text in quotes is never closed"));
      if (*p == '"')
        {
          g->p++;
          return TRUE;
        }
      if (*p == '\0')
        return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, at, _("the text contains a NUL byte"));
      if ((guchar) *p < 0x20)
        return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, p,
                     _("a line break, tab or other control character inside quotes "
                       "must be written as an escape such as \\n or \\t"));
      if (*p != '\\')
        {
          if ((len = utf8_char_length (p, g->end)) == 0)
            return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, at,
                         _("the text contains bytes that are not valid UTF-8"));
          if (decoded != NULL)
            g_string_append_len (decoded, p, len);
          g->p += len;
          continue;
        }

      /* An escape sequence */
      if (p + 1 >= g->end)
        return fail_truncated (g, error);
      if (p[1] != 'u')
        {
          if (p[1] == '\0' || (found = strchr (escapes, p[1])) == NULL)
            return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, p,
                         _("unknown escape sequence; only \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                           "and \\uXXXX are allowed in quotes"));
          if (decoded != NULL)
            g_string_append_c (decoded, escaped[found - escapes]);
          g->p += 2;
          continue;
        }

      if ((unit = read_hex4 (g, p + 2)) < 0)
        return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, p,
                     _("“\\u” must be followed by four hexadecimal digits"));
      g->p += 6;
      if (unit == 0)
        return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, at,
                     _("the text contains the escape \\u0000 (a NUL character), which is not allowed"));
      if (unit >= 0xdc00 && unit <= 0xdfff)
        return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, at,
                     _("the text contains the escape \\u%04X, the second half of a UTF-16 "
                       "surrogate pair, without the first half"), (guint) unit);
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          if (g->end - g->p < 6 || g->p[0] != '\\' || g->p[1] != 'u' ||
              (low = read_hex4 (g, g->p + 2)) < 0xdc00 || low > 0xdfff)
            return fail (g, error, ROADMAP_JSON_ERROR_ENCODING, at,
                         _("the text contains the escape \\u%04X, the first half of a UTF-16 "
                           "surrogate pair, without the second half"), (guint) unit);
          unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
          g->p += 6;
        }
      if (decoded != NULL)
        g_string_append_unichar (decoded, unit);
    }
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '+' || c == '-' || c == '_';
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* Checks the number, literal or stray word at g->p and moves past it. */
static gboolean
scan_token (Guard   *g,
            GError **error)
{
  const char *start = g->p, *word, *q, *digits, *int_end;
  g_autofree char *shown = NULL;
  gboolean valid;

  while (g->p < g->end && is_token_char (*g->p))
    g->p++;
  shown = shown_text (start, g->p - start);

  word = *start == '-' || *start == '+' ? start + 1 : start;
  if (g->p - word >= 3 && (g_ascii_strncasecmp (word, "inf", 3) == 0 ||
                           g_ascii_strncasecmp (word, "nan", 3) == 0))
    return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, start,
                 _("“%s” is not allowed: JSON has no infinite or NaN numbers"), shown);
  if (g_ascii_isalpha (*start) || *start == '_')
    {
      if ((g->p - start == 4 && memcmp (start, "true", 4) == 0) ||
          (g->p - start == 4 && memcmp (start, "null", 4) == 0) ||
          (g->p - start == 5 && memcmp (start, "false", 5) == 0))
        return TRUE;
      return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, start,
                   _("“%s” is not a valid value; text must be written in double quotes"), shown);
    }

  /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
  digits = *start == '-' ? start + 1 : start;
  int_end = q = digits < g->p && *digits == '0' ? digits + 1 : skip_digits (digits, g->p);
  valid = q > digits;
  if (valid && q < g->p && *q == '.')
    valid = (q = skip_digits (q + 1, g->p)) > int_end + 1;
  if (valid && q < g->p && (*q == 'e' || *q == 'E'))
    {
      const char *exponent = q + 1 < g->p && (q[1] == '+' || q[1] == '-') ? q + 2 : q + 1;

      valid = (q = skip_digits (exponent, g->p)) > exponent;
    }
  if (!valid || q != g->p)
    return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, start,
                 _("“%s” is not a valid number (numbers look like 12, -3 or 4.5)"), shown);

  if (int_end == g->p)
    {
      /* An integer: json-glib wraps it past 64 bits, and a double loses
       * precision past 2^53, which has 16 digits. */
      guint64 value = 0;

      for (q = digits; q < int_end && int_end - digits <= 16; q++)
        value = value * 10 + (guint64) (*q - '0');
      if (int_end - digits <= 16 && value <= MAX_EXACT_INTEGER)
        return TRUE;
    }
  else
    {
      g_autofree char *copy = g_strndup (start, g->p - start);

      if (isfinite (g_ascii_strtod (copy, NULL)))
        return TRUE;
    }
  /* Translators: %s is a number as written in the file */
  return fail (g, error, ROADMAP_JSON_ERROR_NUMBER, NULL, _("the number %s is too large"), shown);
}

/* Reads `"name" :` at g->p and records the name in the innermost object. */
static gboolean
scan_member_name (Guard   *g,
                  GError **error)
{
  Frame *frame = &g_array_index (g->stack, Frame, g->stack->len - 1);
  GString *name = g->name;

  g_string_truncate (name, 0);
  skip_space (g);
  if (g->p >= g->end)
    return fail_truncated (g, error);
  if (*g->p != '"')
    return fail_unexpected (g, _("expected a member name in double quotes"), error);
  if (!scan_string (g, name, error))
    return FALSE;

  if (frame_has_key (frame, name->str))
    {
      g_autofree char *shown = shown_text (name->str, name->len);

      /* The path in the message ends with this key. */
      frame->key = name->str;

      return fail (g, error, ROADMAP_JSON_ERROR_DUPLICATE_KEY, NULL,
                   _("the key “%s” appears twice in the same object"), shown);
    }
  frame_add_key (frame, g_strndup (name->str, name->len));

  skip_space (g);
  if (g->p >= g->end)
    return fail_truncated (g, error);
  if (*g->p != ':')
    return fail_unexpected (g, _("expected “:” after a member name"), error);
  g->p++;
  return TRUE;
}

/* Reads the value at g->p. A container is only entered (past its bracket
 * and, for an object, its first member name), never recursed into;
 * *@entered tells the caller to read the container's first value next. */
static gboolean
scan_value (Guard     *g,
            gboolean  *entered,
            GError   **error)
{
  Frame frame = { FALSE, 0, NULL, NULL, NULL };

  *entered = FALSE;
  skip_space (g);
  if (g->p >= g->end && g->stack->len == 0)
    return fail (g, error, ROADMAP_JSON_ERROR_SYNTAX, g->p, _("the document is empty"));
  if (g->p >= g->end)
    return fail_truncated (g, error);
  if (*g->p == '"')
    return scan_string (g, NULL, error);
  if (is_token_char (*g->p))
    return scan_token (g, error);
  if (*g->p != '{' && *g->p != '[')
    return fail_unexpected (g, _("expected a value"), error);

  if (g->stack->len >= g->max_depth)
    return fail (g, error, ROADMAP_JSON_ERROR_TOO_DEEP, NULL,
                 _("arrays and objects nest deeper than %u levels"), g->max_depth);
  frame.is_object = *g->p++ == '{';
  g_array_append_val (g->stack, frame);

  skip_space (g);
  if (g->p < g->end && *g->p == (frame.is_object ? '}' : ']'))
    {
      g_array_remove_index (g->stack, g->stack->len - 1);
      g->p++;
      return TRUE;
    }
  *entered = TRUE;
  return !frame.is_object || scan_member_name (g, error);
}

/* After a value, closes containers until one goes on with a “,” and moves
 * past it (and past the next member name); *@done at the end of the file. */
static gboolean
scan_after_value (Guard     *g,
                  gboolean  *done,
                  GError   **error)
{
  for (;;)
    {
      Frame *frame;

      skip_space (g);
      if (g->stack->len == 0 && g->p < g->end)
        return fail_unexpected (g, _("unexpected text after the end of the document"), error);
      if (g->stack->len == 0)
        {
          *done = TRUE;
          return TRUE;
        }
      if (g->p >= g->end)
        return fail_truncated (g, error);

      frame = &g_array_index (g->stack, Frame, g->stack->len - 1);
      if (*g->p == (frame->is_object ? '}' : ']'))
        {
          g_array_remove_index (g->stack, g->stack->len - 1);
          g->p++;
          continue;
        }
      if (*g->p != ',')
        return fail_unexpected (g, frame->is_object ? _("expected “,” or “}” after a member")
                                                    : _("expected “,” or “]” after an array element"),
                                error);
      g->p++;
      if (frame->is_object)
        return scan_member_name (g, error);
      frame->index++;
      return TRUE;
    }
}

gboolean
roadmap_json_guard_check (const char  *data,
                          gsize        length,
                          gsize        max_size,
                          guint        max_depth,
                          GError     **error)
{
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GString) name = NULL;
  Guard g = { NULL, };
  gboolean done = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";
  g.start = g.p = data;
  g.end = data + length;
  g.max_depth = max_depth;

  if (length > max_size)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (max_size);

      return fail (&g, error, ROADMAP_JSON_ERROR_TOO_LARGE, NULL,
                   _("the file is too large (%s; the limit is %s)"), size, limit);
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return fail (&g, error, ROADMAP_JSON_ERROR_ENCODING, data,
                 _("the file starts with a byte order mark; save the file as UTF-8 without BOM"));
  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    return fail (&g, error, ROADMAP_JSON_ERROR_ENCODING, data,
                 _("the file is in UTF-16; save the file as UTF-8 without BOM"));

  stack = g_array_sized_new (FALSE, TRUE, sizeof (Frame), MIN (max_depth, 64));
  g_array_set_clear_func (stack, frame_clear);
  g.stack = stack;
  name = g_string_sized_new (32);
  g.name = name;

  while (!done)
    {
      gboolean entered;

      if (!scan_value (&g, &entered, error))
        return FALSE;
      if (!entered && !scan_after_value (&g, &done, error))
        return FALSE;
    }

  return TRUE;
}
