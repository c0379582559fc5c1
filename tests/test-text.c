/* test-text.c — what counts as text: noncharacters, control characters,
 * titles with nothing visible, links, and the escaping of messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-text.h"

static char *
utf8_of (gunichar c)
{
  char buffer[8] = { 0, };

  g_unichar_to_utf8 (c, buffer);
  return g_strdup (buffer);
}

/* All 66 noncharacters, in every plane, anywhere in any kind of text */
static void
test_noncharacters (void)
{
  guint n = 0;

  for (gunichar c = 0; c <= 0x10FFFF; c++)
    {
      g_autofree char *alone = NULL;
      g_autofree char *inside = NULL;
      g_autoptr(GError) error = NULL;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      if (!roadmap_text_is_noncharacter (c))
        continue;
      n++;

      alone = utf8_of (c);
      inside = g_strconcat ("Data ", alone, " Engineer", NULL);
      g_assert_false (roadmap_text_check_single_line (inside, &error));
      g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_NONCHARACTER);
      /* The code point and its place, in words */
      g_assert_nonnull (strstr (error->message, "U+"));
      g_assert_nonnull (strstr (error->message, "(character 6)"));
      g_clear_error (&error);
      g_assert_false (roadmap_text_check_multi_line (inside, &error));
      g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_NONCHARACTER);
      g_clear_error (&error);
      g_assert_false (roadmap_text_check_title (alone, NULL));
      g_assert_false (roadmap_text_has_visible (alone));
    }

  g_assert_cmpuint (n, ==, 66);
  g_assert_true (roadmap_text_is_noncharacter (0xFFFE));
  g_assert_true (roadmap_text_is_noncharacter (0x10FFFF));
  g_assert_true (roadmap_text_is_noncharacter (0xFDD0));
  g_assert_true (roadmap_text_is_noncharacter (0xFDEF));
  g_assert_false (roadmap_text_is_noncharacter (0xFDCF));
  g_assert_false (roadmap_text_is_noncharacter (0xFDF0));
  g_assert_false (roadmap_text_is_noncharacter (0xFFFD));
  g_assert_false (roadmap_text_is_noncharacter (0x1FFFD));
}

static void
test_control_characters (void)
{
  static const char * const refused_everywhere[] = {
    "a\x1b[31mb", "bell\x07", "del\x7f", "nul-ish\x01", "lone\rcr", "vt\x0bvt", "ff\x0c",
    "c1 \xc2\x80", "nel \xc2\x85", "csi \xc2\x9b", "apc \xc2\x9f",
  };
  static const char * const refused_on_one_line[] = {
    "tab\there", "line\nfeed", "cr lf\r\n", "line \xe2\x80\xa8 separator", "paragraph \xe2\x80\xa9",
  };
  static const char * const fine_on_several_lines[] = {
    "tab\there", "line\nfeed", "windows\r\nline ends\r\n", "line \xe2\x80\xa8 separator",
    "", "plain", "Größe, niño, 中文, مهارة",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused_everywhere); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (roadmap_text_check_single_line (refused_everywhere[i], &error));
      g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_CONTROL);
      g_clear_error (&error);
      g_assert_false (roadmap_text_check_multi_line (refused_everywhere[i], &error));
      g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_CONTROL);
      g_assert_null (strchr (error->message, '\x1b'));
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused_on_one_line); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (roadmap_text_check_single_line (refused_on_one_line[i], &error));
      g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_CONTROL);
      g_assert_false (roadmap_text_check_title (refused_on_one_line[i], NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fine_on_several_lines); i++)
    {
      g_autoptr(GError) error = NULL;

      roadmap_text_check_multi_line (fine_on_several_lines[i], &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (roadmap_text_check_single_line ("abc\x1b", &error));
    g_assert_cmpstr (error->message, ==,
                     "the text contains the control character U+001B (character 4); it must be one line of plain text");
    g_clear_error (&error);
    g_assert_false (roadmap_text_check_multi_line ("a\nb\x07", &error));
    g_assert_cmpstr (error->message, ==,
                     "the text contains the control character U+0007 (character 4); only line breaks and tabs are allowed");
    g_clear_error (&error);
    g_assert_false (roadmap_text_check_multi_line ("caf\xe9", &error));
    g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_ENCODING);
  }
}

static void
test_titles (void)
{
  static const char * const invisible[] = {
    "", " ", "   ", "\t", "\xc2\xa0", "\xe3\x80\x80" /* U+3000 */,
    "\xe2\x80\x8b" /* U+200B */, "\xe2\x80\x8b\xe2\x81\xa0" /* U+200B U+2060 */,
    "\xef\xbb\xbf" /* U+FEFF */, "\xe2\x80\x8d" /* U+200D */, "\xe2\x80\x8e" /* U+200E */,
    "\xcc\x81" /* U+0301 alone */, "\xe3\x85\xa4" /* U+3164 */, "\xc2\xad" /* soft hyphen */,
    " \xe2\x80\x8b \xef\xbb\xbf ",
  };
  static const char * const visible[] = {
    "A", " x ", "中", "مهارة", "\xe2\x80\x8b" "a", "e\xcc\x81", "\xf0\x9f\x98\x80", "-", ".",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      g_autoptr(GError) error = NULL;

      if (roadmap_text_has_visible (invisible[i]))
        g_error ("invisible[%u] counts as visible", i);
      g_assert_false (roadmap_text_check_title (invisible[i], &error));
      g_assert_nonnull (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (visible); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!roadmap_text_check_title (visible[i], &error))
        g_error ("visible[%u] refused: %s", i, error->message);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (roadmap_text_check_title ("\xe2\x80\x8b\xe2\x81\xa0", &error));
    g_assert_error (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_INVISIBLE);
  }
}

static void
test_urls (void)
{
  static const char * const good[] = {
    "https://www.postgresql.org/docs/current/tutorial.html",
    "http://www.rfc-editor.org/rfc/rfc9110",
    "HTTPS://Example.ORG/",
    "https://example.org",
    "https://example.org.:8443/a?b=c&d=%20e#f",
    "https://[::1]/x",
    "http://192.168.1.1/",
    "https://de.wikipedia.org/wiki/Straße",
    "https://hö.st/",
    "https://example.org/search?q=a+b;c=(d)!*'",
  };
  static const struct { const char *url; const char *says; } bad[] = {
    { "https://exa mple.com/", "U+0020 must be percent-encoded" },
    { "https://example.com/a b", "U+0020 must be percent-encoded" },
    { "https://example.com/a\nb", "control character U+000A" },
    { "https://example.com/\"x", "U+0022 must be percent-encoded" },
    { "https://ex\"ample.com/", "U+0022 must be percent-encoded" },
    { "https://host/a<b>", "U+003C" },
    { "https://host\\evil/", "U+005C" },
    { "https://host/a{b}", "U+007B" },
    { "https://host/a|b", "U+007C" },
    { "https://host/a`b", "U+0060" },
    { "https://host/\xe2\x80\xae" "fdp.exe", "U+202E" },
    { "https://host/\xc2\xa0", "U+00A0" },
    { "http://user:pass@host/", "user name or password" },
    { "http://user@host/", "user name or password" },
    { "http://@host/", "user name or password" },
    { "https://ho%20st/", "is not a host name" },
    { "https://host..com/", "is not a host name" },
    { "https://-host/", "is not a host name" },
    { "https://host_name.org/", "is not a host name" },
    { "https://host:99999/", "not a valid link" },
    { "https://host/%zz", "not a valid link" },
    { "https://", "http:// or https://" },
    { "https:///path", "http:// or https://" },
    { "https:host/", "http:// or https://" },
    { "ftp://host/", "http:// or https://" },
    { "javascript:alert(1)", "http:// or https://" },
    { "www.example.org/docs", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!roadmap_text_check_url (good[i], &error))
        g_error ("“%s” refused: %s", good[i], error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (roadmap_text_check_url (bad[i].url, &error))
        g_error ("“%s” accepted", bad[i].url);
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == ROADMAP_TEXT_ERROR);
      if (strstr (error->message, bad[i].says) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", bad[i].url, error->message, bad[i].says);
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_escape (void)
{
  static const struct { const char *text; const char *escaped; } cases[] = {
    { "plain “text”, accents: é, 中", "plain “text”, accents: é, 中" },
    { "t\x1b[31mred", "t\\u001B[31mred" },
    { "a\tb\nc\rd\x07\x7f", "a\\u0009b\\u000Ac\\u000Dd\\u0007\\u007F" },
    { "c1 \xc2\x9b", "c1 \\u009B" },
    { "zw\xe2\x80\x8bsp", "zw\\u200Bsp" },
    { "rlo \xe2\x80\xae", "rlo \\u202E" },
    { "nc \xef\xbf\xbe \xf4\x8f\xbf\xbf", "nc \\uFFFE \\U0010FFFF" },
    { "latin1 caf\xe9!", "latin1 caf\\xE9!" },
    { "already \\u001B", "already \\u001B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = roadmap_text_escape_for_message (cases[i].text, 0);
      g_autofree char *twice = roadmap_text_escape_for_message (escaped, 0);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_cmpstr (twice, ==, escaped);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
    }

  {
    g_autofree char *shortened = roadmap_text_escape_for_message ("abcdef", 3);
    g_autofree char *exact = roadmap_text_escape_for_message ("abc", 3);

    g_assert_cmpstr (shortened, ==, "abc…");
    g_assert_cmpstr (exact, ==, "abc");
  }
}

static void
test_sanitize_for_drawing (void)
{
  static const struct { const char *text; const char *drawn; } cases[] = {
    { "T\xef\xbf\xbe", "T\xef\xbf\xbd" },
    { "\xef\xb7\x90 x \xf4\x8f\xbf\xbf", "\xef\xbf\xbd x \xef\xbf\xbd" },
    { "caf\xe9", "caf\xef\xbf\xbd" },
  };
  char *copy = (char *) "untouched";
  const char *fine = "Fine text, 中文, with\na line";

  g_assert_true (roadmap_text_sanitize_for_drawing (fine, &copy) == fine);
  g_assert_null (copy);
  g_assert_null (roadmap_text_sanitize_for_drawing (NULL, &copy));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *owned = NULL;
      const char *drawn = roadmap_text_sanitize_for_drawing (cases[i].text, &owned);

      g_assert_cmpstr (drawn, ==, cases[i].drawn);
      g_assert_true (drawn == owned);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/text/noncharacters", test_noncharacters);
  g_test_add_func ("/model/text/control-characters", test_control_characters);
  g_test_add_func ("/model/text/titles", test_titles);
  g_test_add_func ("/model/text/urls", test_urls);
  g_test_add_func ("/model/text/escape", test_escape);
  g_test_add_func ("/model/text/sanitize-for-drawing", test_sanitize_for_drawing);

  return g_test_run ();
}
