/* standalone-driver.c — runs a fuzz target over files, without a fuzzing
 * engine, as an ordinary test
 *
 *   fuzz-TARGET-standalone [--tap] FILE-OR-FOLDER…
 *
 * Every file (every file in a folder, in name order) is passed once to
 * LLVMFuzzerTestOneInput. A crash or a failed assertion in the target
 * fails the run; the output is TAP, one result per file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* The corpus README and other notes are not inputs. */
      if (name[0] != '.' && !g_str_has_suffix (name, ".md"))
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--tap") != 0)
        collect (argv[i], files);
    }

  if (files->len == 0)
    {
      fprintf (stderr, "usage: %s [--tap] FILE-OR-FOLDER…\n", argv[0]);
      return 1;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("%s", error->message);

      /* A malloc'ed copy of exactly @length bytes, as libFuzzer passes
       * them, so that AddressSanitizer sees any read past the end. */
      {
        g_autofree uint8_t *copy = g_memdup2 (contents, length);

        LLVMFuzzerTestOneInput (copy, length);
      }
      printf ("ok %u %s\n", i + 1, path);
      fflush (stdout);
    }

  return 0;
}
