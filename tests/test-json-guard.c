/* test-json-guard.c — tests for the strict JSON pre-check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>

#include "roadmap-json-guard.h"
#include "roadmap-loader.h"

static gboolean
check_len (const char  *json,
           gsize        length,
           GError     **error)
{
  return roadmap_json_guard_check (json, length, ROADMAP_JSON_MAX_SIZE, ROADMAP_JSON_MAX_DEPTH, error);
}

static void
assert_accepted (const char *json)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("accepting: %s", json);
  g_assert_true (check_len (json, strlen (json), &error));
  g_assert_no_error (error);
}

/* Checks the code and that the message starts with "@location: " and,
 * if @explanation is not NULL, contains it. */
static void
assert_rejected_len (const char *json,
                     gsize       length,
                     int         code,
                     const char *location,
                     const char *explanation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", location);

  {
    /* The input may be invalid UTF-8 on purpose: show it escaped, so the
     * TAP stream stays valid UTF-8. It need not end with a NUL: copy
     * only its first bytes (AddressSanitizer saw a read past the end). */
    g_autofree char *start = json != NULL ? g_strndup (json, MIN (length, 200)) : g_strdup ("");
    g_autofree char *shown = g_strescape (start, NULL);

    g_test_message ("rejecting: %.200s", shown);
  }
  g_assert_false (check_len (json, length, &error));
  g_assert_error (error, ROADMAP_JSON_ERROR, code);
  g_test_message ("message: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (explanation != NULL)
    g_assert_nonnull (strstr (error->message, explanation));
}

static void
assert_rejected (const char *json,
                 int         code,
                 const char *location,
                 const char *explanation)
{
  assert_rejected_len (json, strlen (json), code, location, explanation);
}

static char *
nested_arrays (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
test_valid (void)
{
  static const char *documents[] = {
    "{}",
    "[]",
    " \t\r\n{ } \t\r\n",
    "\"just a string\"",
    "0", "-0", "true", "false", "null",
    "{\"format\": 1, \"id\": \"data-engineer\", \"title\": \"Data Engineer\","
    " \"phases\": [{\"id\": \"fundamentals\", \"months\": [1, 2], \"skills\": ["
    "{\"id\": \"python-sql\", \"title\": \"Python & SQL\", \"topics\": [],"
    " \"resources\": [{\"url\": \"https://example.org/\"}], \"done\": false,"
    " \"parent\": null}]}]}",
    "[[], {}, [[]], {\"a\": {\"b\": {\"c\": []}}}]",
    "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u20AC\"",
    "\"Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
    "\"\\uD83D\\uDE00 \\ud834\\udd1e\"",
    "\"\\uFFFF \\uE000 \\uD7FF\"",
    "[9007199254740992, -9007199254740992, 9007199254740991, 123, -45]",
    "[1.5, -0.25, 1e10, 1E-5, 2e+3, 0.0, 1.7976931348623157e308, 1e-999]",
    "[123456789012345678901234.5, 1e20]",
    "{\"a\": 1, \"b\": {\"a\": 2}, \"c\": [{\"a\": 3}, {\"a\": 4}]}",
    "{\"\": 1, \"A\": 2, \"a\": 3}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_accepted (documents[i]);
}

static void
test_not_nul_terminated (void)
{
  g_autoptr(GError) error = NULL;
  const char buffer[] = { '[', '1', ',', '2', ']', '3' };

  g_assert_true (check_len (buffer, 5, &error));
  g_assert_no_error (error);
  g_assert_true (check_len ("12345", 2, NULL));
  g_assert_true (check_len ("\"ab\"cd", 4, NULL));
  assert_rejected_len ("[1,2]", 4, ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 5", "ends too early");
  assert_rejected_len ("\"abc\"", 4, ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 1", "never closed");
  assert_rejected_len ("\"\\u00411\"", 5, ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "four hexadecimal");
}

static void
test_too_large (void)
{
  gsize length = 10 * 1024 * 1024;
  g_autofree char *bomb = g_malloc (length);

  memset (bomb, '[', length);
  assert_rejected_len (bomb, length, ROADMAP_JSON_ERROR_TOO_LARGE, "document", "too large");

  memset (bomb, ' ', ROADMAP_JSON_MAX_SIZE + 1);
  bomb[0] = '0';
  assert_rejected_len (bomb, ROADMAP_JSON_MAX_SIZE + 1, ROADMAP_JSON_ERROR_TOO_LARGE, "document", NULL);
  g_assert_true (check_len (bomb, ROADMAP_JSON_MAX_SIZE, NULL));
}

static void
test_too_deep (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = nested_arrays (ROADMAP_JSON_MAX_DEPTH);
  g_autofree char *deep = nested_arrays (ROADMAP_JSON_MAX_DEPTH + 1);
  g_autofree char *bomb = g_strnfill (100000, '[');
  g_autofree char *balanced = nested_arrays (100000);
  g_autoptr(GString) deep_path = g_string_new (NULL);
  const char *roadmap = "{\"phases\": [{\"id\": \"a\"}, {\"skills\": [{\"topics\": [[[1]]]}]}]}";

  /* The 33rd array is the first element of the 32nd */
  for (guint i = 0; i < ROADMAP_JSON_MAX_DEPTH; i++)
    g_string_append (deep_path, "[0]");

  assert_accepted (ok);
  assert_rejected (deep, ROADMAP_JSON_ERROR_TOO_DEEP, deep_path->str,
                   "arrays and objects nest deeper than 32 levels");
  assert_rejected (bomb, ROADMAP_JSON_ERROR_TOO_DEEP, deep_path->str, NULL);
  assert_rejected (balanced, ROADMAP_JSON_ERROR_TOO_DEEP, deep_path->str, NULL);

  g_assert_true (roadmap_json_guard_check (roadmap, strlen (roadmap), ROADMAP_JSON_MAX_SIZE, 8, NULL));
  g_assert_false (roadmap_json_guard_check (roadmap, strlen (roadmap), ROADMAP_JSON_MAX_SIZE, 7, &error));
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "phases[1].skills[0].topics[0][0]: "
                                       "arrays and objects nest deeper than 7 levels");
  g_clear_error (&error);

  g_assert_false (roadmap_json_guard_check ("[]", 2, ROADMAP_JSON_MAX_SIZE, 0, &error));
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "document: arrays and objects nest deeper than 0 levels");
  g_assert_true (roadmap_json_guard_check ("42", 2, ROADMAP_JSON_MAX_SIZE, 0, NULL));
}

static void
test_bom (void)
{
  assert_rejected ("\xef\xbb\xbf{}", ROADMAP_JSON_ERROR_ENCODING, "line 1, column 1",
                   "starts with a byte order mark; save the file as UTF-8 without BOM");
  assert_rejected ("\xff\xfe{\0}\0", ROADMAP_JSON_ERROR_ENCODING, "line 1, column 1", "UTF-16");
  assert_rejected ("{\"a\": \"x\"}\xef\xbb\xbf", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 11", "after the end");
}

static void
test_nul (void)
{
  assert_rejected_len ("{\"a\": 1}\0", 9, ROADMAP_JSON_ERROR_ENCODING, "line 1, column 9", "NUL byte");
  assert_rejected_len ("{\0\"a\": 1}", 9, ROADMAP_JSON_ERROR_ENCODING, "line 1, column 2", "NUL byte");
  assert_rejected_len ("{\"phases\": [{\"title\": \"a\0b\"}]}", 30,
                       ROADMAP_JSON_ERROR_ENCODING, "phases[0].title", "NUL byte");
  assert_rejected ("{\"phases\": [{\"title\": \"a\\u0000b\"}]}",
                   ROADMAP_JSON_ERROR_ENCODING, "phases[0].title", "\\u0000");
  assert_rejected ("{\"a\\u0000\": 1}", ROADMAP_JSON_ERROR_ENCODING, "line 1, column 4", "\\u0000");
}

static void
test_invalid_utf8 (void)
{
  static const char *bad[] = {
    "\xff",                  /* never valid */
    "\xc0\xaf",              /* overlong "/" */
    "\xe0\x80\xaf",          /* overlong "/" */
    "\xed\xa0\x80",          /* encoded surrogate U+D800 (CESU-8) */
    "\xf4\x90\x80\x80",      /* above U+10FFFF */
    "\xe2\x82",              /* truncated "€" */
    "\x80",                  /* lone continuation byte */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *value = g_strdup_printf ("{\"skills\": [{\"id\": \"a\"}, {\"title\": \"x%sy\"}]}", bad[i]);
      g_autofree char *at_end = g_strdup_printf ("[\"x%s", bad[i]);
      g_autofree char *key = g_strdup_printf ("{\"ok\": 1,\n \"k%s\": 2}", bad[i]);
      g_autofree char *outside = g_strdup_printf ("{\"a\": 1, %s}", bad[i]);

      assert_rejected (value, ROADMAP_JSON_ERROR_ENCODING, "skills[1].title", "not valid UTF-8");
      assert_rejected (at_end, ROADMAP_JSON_ERROR_ENCODING, "[0]", "not valid UTF-8");
      assert_rejected (key, ROADMAP_JSON_ERROR_ENCODING, "line 2, column 4", "not valid UTF-8");
      assert_rejected (outside, ROADMAP_JSON_ERROR_ENCODING, "line 1, column 10", "not valid UTF-8");
    }

  /* Valid UTF-8 outside a string is a syntax error, counted in characters */
  assert_rejected ("{\"title\": \"\xc3\xa9t\xc3\xa9\", \xc3\xa9}", ROADMAP_JSON_ERROR_SYNTAX,
                   "line 1, column 18", "expected a member name in double quotes (found “\xc3\xa9”)");
}

static void
test_surrogates (void)
{
  assert_rejected ("{\"phases\": [{\"title\": \"\\uD800\"}]}", ROADMAP_JSON_ERROR_ENCODING,
                   "phases[0].title", "\\uD800");
  assert_rejected ("[\"a\\ud83dz\"]", ROADMAP_JSON_ERROR_ENCODING, "[0]", "without the second half");
  assert_rejected ("[\"a\\uD83D\\u0041\"]", ROADMAP_JSON_ERROR_ENCODING, "[0]", "without the second half");
  assert_rejected ("[\"a\\uD83D\\uD83D\\uDE00\"]", ROADMAP_JSON_ERROR_ENCODING, "[0]", "second half");
  assert_rejected ("[\"a\\uD83D\\n\"]", ROADMAP_JSON_ERROR_ENCODING, "[0]", "second half");
  assert_rejected ("[\"a\\uDE00\"]", ROADMAP_JSON_ERROR_ENCODING, "[0]", "without the first half");
  assert_rejected ("[\"\\uDE00\\uD83D\"]", ROADMAP_JSON_ERROR_ENCODING, "[0]", "\\uDE00");
  assert_rejected ("{\"\\uDFFF\": 1}", ROADMAP_JSON_ERROR_ENCODING, "line 1, column 3", "first half");
  assert_rejected ("[\"\\uD800\\u12", ROADMAP_JSON_ERROR_ENCODING, "[0]", "second half");
}

static void
test_strings (void)
{
  assert_rejected ("{\n  \"title\": \"two\nlines\"\n}", ROADMAP_JSON_ERROR_SYNTAX,
                   "line 2, column 16", "control character");
  assert_rejected ("[\"tab\there\"]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 6", "\\t");
  assert_rejected ("[\"\\x41\"]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "unknown escape");
  assert_rejected ("[\"\\a\"]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "unknown escape");
  assert_rejected ("[\"\\U0041\"]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "unknown escape");
  assert_rejected ("[\"\\u12G4\"]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "four hexadecimal");
  assert_rejected ("[\"\\", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 4", "ends too early");
  assert_rejected ("{\"title\": \"unclosed}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 11", "never closed");
  assert_rejected ("['single']", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "expected a value");
}

static void
test_number_syntax (void)
{
  static const struct { const char *json, *explanation; } cases[] = {
    { "[inf]", "“inf” is not allowed" },
    { "[NaN]", "“NaN” is not allowed" },
    { "[nan]", "no infinite or NaN" },
    { "[Infinity]", "“Infinity” is not allowed" },
    { "[-Infinity]", "“-Infinity” is not allowed" },
    { "[-inf]", "no infinite or NaN" },
    { "[+1]", "“+1” is not a valid number" },
    { "[01]", "“01” is not a valid number" },
    { "[-01]", "not a valid number" },
    { "[00]", "not a valid number" },
    { "[.5]", "“.5” is not a valid number" },
    { "[0x10]", "“0x10” is not a valid number" },
    { "[1.]", "not a valid number" },
    { "[1.e5]", "not a valid number" },
    { "[1e]", "not a valid number" },
    { "[1e+]", "not a valid number" },
    { "[-]", "not a valid number" },
    { "[--1]", "not a valid number" },
    { "[1-2]", "not a valid number" },
    { "[1.5.2]", "not a valid number" },
    { "[1_000]", "not a valid number" },
    { "[True]", "“True” is not a valid value" },
    { "[nul]", "not a valid value" },
    { "[undefined]", "not a valid value" },
    { "[truefalse]", "not a valid value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_rejected (cases[i].json, ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", cases[i].explanation);
}

static void
test_number_range (void)
{
  g_autofree char *digits = g_strnfill (1000, '9');
  g_autofree char *long_number = g_strdup_printf ("[%s]", digits);

  assert_rejected ("{\"phases\": [{\"months\": [1, 99999999999999999999]}]}", ROADMAP_JSON_ERROR_NUMBER,
                   "phases[0].months[1]", "the number 99999999999999999999 is too large");
  assert_rejected ("[9007199254740993]", ROADMAP_JSON_ERROR_NUMBER, "[0]", NULL);
  assert_rejected ("[-9007199254740993]", ROADMAP_JSON_ERROR_NUMBER, "[0]", NULL);
  assert_rejected ("[18446744073709551616]", ROADMAP_JSON_ERROR_NUMBER, "[0]", NULL);
  assert_rejected ("{\"estimate_hours\": 1e999}", ROADMAP_JSON_ERROR_NUMBER, "estimate_hours", "1e999");
  assert_rejected ("[-1e999]", ROADMAP_JSON_ERROR_NUMBER, "[0]", NULL);
  assert_rejected ("[1.8e308]", ROADMAP_JSON_ERROR_NUMBER, "[0]", NULL);
  /* Numbers in messages are shortened */
  assert_rejected (long_number, ROADMAP_JSON_ERROR_NUMBER, "[0]", "9999999999…");
  g_assert_true (strlen (long_number) > 500);
}

static void
test_duplicate_key (void)
{
  g_autoptr(GError) error = NULL;
  const char *json = "{\"phases\": [{\"skills\": [{\"id\": \"a\"}, {\"id\": \"b\"},\n"
                     "  {\"id\": \"c\", \"title\": \"C\", \"title\": \"C again\"}]}]}";

  g_assert_false (check_len (json, strlen (json), &error));
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_DUPLICATE_KEY);
  g_assert_cmpstr (error->message, ==, "phases[0].skills[2].title: "
                                       "the key “title” appears twice in the same object");

  assert_rejected ("{\"a\": 1, \"\\u0061\": 2}", ROADMAP_JSON_ERROR_DUPLICATE_KEY, "a", "“a”");

  /* A key's control characters (C0 and C1) and noncharacters are quoted
   * escaped, in the path and in the message */
  g_clear_error (&error);
  json = "{\"k\\u009b\\u001b[2J\\uFFFE\": 1, \"k\\u009b\\u001b[2J\\uFFFE\": 2}";
  g_assert_false (check_len (json, strlen (json), &error));
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_DUPLICATE_KEY);
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, "the key “k\\u009B\\u001B[2J\\uFFFE” appears twice"));
  g_assert_null (strstr (error->message, "\xc2\x9b"));
  g_assert_null (strchr (error->message, '\x1b'));
  assert_rejected ("{\"\\/\": 1, \"/\": 2}", ROADMAP_JSON_ERROR_DUPLICATE_KEY, "/", "“/”");
  assert_rejected ("{\"a b\": 1, \"a\\u0020b\": 2}", ROADMAP_JSON_ERROR_DUPLICATE_KEY, "[\"a b\"]", NULL);
  assert_rejected ("{\"x\": {\"\": 1, \"\": 2}}", ROADMAP_JSON_ERROR_DUPLICATE_KEY, "x[\"\"]", "“”");
  assert_rejected ("{\"a.b\": {\"k\": [], \"k\": {}}}", ROADMAP_JSON_ERROR_DUPLICATE_KEY, "[\"a.b\"].k", NULL);
  assert_rejected ("[{}, {\"\\uD83D\\uDE00\": 1, \"\xf0\x9f\x98\x80\": 1}]",
                   ROADMAP_JSON_ERROR_DUPLICATE_KEY, "[1].\xf0\x9f\x98\x80", NULL);
  assert_rejected ("{\"a\\nb\": 1, \"a\\nb\": 2}", ROADMAP_JSON_ERROR_DUPLICATE_KEY, "[\"a\\u000Ab\"]", NULL);
}

/* Objects with many keys are checked through a hash table rather than key
 * by key: the same answers on both sides of the switch. */
static void
test_duplicate_key_many (void)
{
  for (guint n_keys = 1; n_keys <= 40; n_keys++)
    {
      g_autoptr(GString) json = g_string_new ("{");
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n_keys; i++)
        g_string_append_printf (json, "%s\"key%u\": %u", i > 0 ? ", " : "", i, i);
      g_string_append (json, "}");
      g_assert_true (check_len (json->str, json->len, &error));
      g_assert_no_error (error);

      /* Each earlier key once more, at the end */
      for (guint again = 0; again < n_keys; again++)
        {
          g_autoptr(GString) twice = g_string_new_len (json->str, json->len - 1);
          g_autofree char *location = g_strdup_printf ("key%u", again);

          g_string_append_printf (twice, ", \"key%u\": 0}", again);
          assert_rejected (twice->str, ROADMAP_JSON_ERROR_DUPLICATE_KEY, location, NULL);
        }
    }
}

static void
test_trailing (void)
{
  assert_rejected ("{\"id\": \"a\"}}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 12",
                   "unexpected text after the end of the document");
  assert_rejected ("{} x", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 4", "after the end");
  assert_rejected ("[1]\n[2]", ROADMAP_JSON_ERROR_SYNTAX, "line 2, column 1", "after the end");
  assert_rejected ("1 2", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "after the end");
  assert_rejected ("{}\n// comment", ROADMAP_JSON_ERROR_SYNTAX, "line 2, column 1", "after the end");
  assert_rejected ("{}\f", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "after the end");
  assert_rejected ("{}\xc2\xa0", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 3", "after the end");
  assert_rejected ("{}\xff", ROADMAP_JSON_ERROR_ENCODING, "line 1, column 3", "not valid UTF-8");
}

static void
test_empty (void)
{
  assert_rejected ("", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 1", "empty");
  assert_rejected (" \r\n\t ", ROADMAP_JSON_ERROR_SYNTAX, "line 2, column 3", "empty");
  assert_rejected_len (NULL, 0, ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 1", "empty");
}

static void
test_syntax (void)
{
  assert_rejected ("{\n  \"format\": 1,\n  \"id\": \"sql-1\" \"title\": \"SQL\"\n}", ROADMAP_JSON_ERROR_SYNTAX,
                   "line 3, column 17", "expected “,” or “}” after a member");
  assert_rejected ("[1 2]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 4", "expected “,” or “]” after an array element");
  assert_rejected ("[1,]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 4", "expected a value (found “]”)");
  assert_rejected ("{\"a\": 1,}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 9", "expected a member name");
  assert_rejected ("{a: 1}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "expected a member name");
  assert_rejected ("{\"a\" 1}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 6", "expected “:”");
  assert_rejected ("{\"a\": }", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 7", "expected a value");
  assert_rejected ("[,1]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "expected a value");
  assert_rejected ("]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 1", "expected a value");
  assert_rejected ("[}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "expected a value");
  assert_rejected ("{]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "expected a member name");
  assert_rejected ("[\x01]", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "\\u0001");
  assert_rejected ("{\"a\":\v1}", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 6", "expected a value");
  /* Truncated documents */
  assert_rejected ("{", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 2", "ends too early");
  assert_rejected ("{\"phases\": [", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 13", "ends too early");
  assert_rejected ("{\"phases\": [1", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 14", "ends too early");
  assert_rejected ("{\"a\"", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 5", "ends too early");
  assert_rejected ("{\"a\":", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 6", "ends too early");
  assert_rejected ("{\"a\": 1,", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 9", "ends too early");
  assert_rejected ("{\"a\": tr", ROADMAP_JSON_ERROR_SYNTAX, "line 1, column 7", "“tr” is not a valid value");
}

static void
test_fixtures (void)
{
  static const struct { const char *name; int code; } hostile[] = {
    { "deep-nesting.json", ROADMAP_JSON_ERROR_TOO_DEEP },
    { "invalid-utf8.json", ROADMAP_JSON_ERROR_ENCODING },
    { "lone-surrogate.json", ROADMAP_JSON_ERROR_ENCODING },
    { "huge-integer.json", ROADMAP_JSON_ERROR_NUMBER },
    { "inf.json", ROADMAP_JSON_ERROR_SYNTAX },
    { "nan.json", ROADMAP_JSON_ERROR_SYNTAX },
    { "duplicate-key.json", ROADMAP_JSON_ERROR_DUPLICATE_KEY },
    { "trailing-garbage.json", ROADMAP_JSON_ERROR_SYNTAX },
    { "bom.json", ROADMAP_JSON_ERROR_ENCODING },
    { "nul-byte.json", ROADMAP_JSON_ERROR_ENCODING },
    { "empty.json", ROADMAP_JSON_ERROR_SYNTAX },
    { "truncated.json", ROADMAP_JSON_ERROR_SYNTAX },
    { "not-json.json", ROADMAP_JSON_ERROR_SYNTAX },
  };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_schema = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("fixtures not found; set G_TEST_SRCDIR to the tests directory");
      return;
    }

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      int code = -1;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
        if (g_str_equal (name, hostile[i].name))
          code = hostile[i].code;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (code >= 0)
        {
          g_assert_false (check_len (contents, length, &error));
          g_assert_error (error, ROADMAP_JSON_ERROR, code);
          g_test_message ("%s: %s", name, error->message);
        }
      else
        {
          /* Well-formed JSON that only the loader's schema checks refuse */
          g_assert_true (check_len (contents, length, &error));
          g_assert_no_error (error);
          n_schema++;
        }
    }
  g_assert_cmpuint (n_schema, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/json-guard/valid", test_valid);
  g_test_add_func ("/model/json-guard/not-nul-terminated", test_not_nul_terminated);
  g_test_add_func ("/model/json-guard/too-large", test_too_large);
  g_test_add_func ("/model/json-guard/too-deep", test_too_deep);
  g_test_add_func ("/model/json-guard/bom", test_bom);
  g_test_add_func ("/model/json-guard/nul", test_nul);
  g_test_add_func ("/model/json-guard/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/model/json-guard/surrogates", test_surrogates);
  g_test_add_func ("/model/json-guard/strings", test_strings);
  g_test_add_func ("/model/json-guard/number-syntax", test_number_syntax);
  g_test_add_func ("/model/json-guard/number-range", test_number_range);
  g_test_add_func ("/model/json-guard/duplicate-key", test_duplicate_key);
  g_test_add_func ("/model/json-guard/duplicate-key-many", test_duplicate_key_many);
  g_test_add_func ("/model/json-guard/trailing-garbage", test_trailing);
  g_test_add_func ("/model/json-guard/empty", test_empty);
  g_test_add_func ("/model/json-guard/syntax", test_syntax);
  g_test_add_func ("/model/json-guard/fixtures", test_fixtures);

  return g_test_run ();
}
