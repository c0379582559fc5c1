/* bench-sync.c — a sync round of 1,000 changed skills against its floor
 *
 * One machine (its own HOME, Evolution Data Server on a private bus,
 * sync-test-util.c) and a Radicale on loopback; a generated roadmap of
 * 1,000 skills (bench-catalog.c). Timed: `roadmap --sync` sending 1,000
 * skills created, then 1,000 modified (every skill moved, one change
 * before each round). The floor, in the same run: 1,000 plain CalDAV
 * PUTs of tasks of the same size to the same server, one after the
 * other (sync_server_put_all()). Medians over the repeats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-catalog.h"
#include "bench-stats.h"
#include "store-test-util.h"
#include "sync-test-util.h"

#define N_SKILLS 1000
#define DEFAULT_REPEATS 3

static void
run_ok (SyncMachine        *machine,
        const char * const *args)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (sync_machine_runv (machine, args, &out, &err) != 0)
    g_error ("roadmap %s failed: %s%s", args[0], out, err);
}

/* Every skill to @status, in one change */
static void
move_all (SyncMachine *machine,
          const char  *roadmap_dir,
          const char  *status)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup ("--roadmap-dir"));
  g_ptr_array_add (args, g_strdup (roadmap_dir));
  for (guint i = 0; i < N_SKILLS; i++)
    {
      g_autofree char *skill = bench_catalog_skill_id (i);

      g_ptr_array_add (args, g_strdup ("--set-status"));
      g_ptr_array_add (args, g_strdup_printf ("track-000/%s=%s", skill, status));
    }
  g_ptr_array_add (args, NULL);
  run_ok (machine, (const char * const *) args->pdata);
}

static double
time_round (SyncMachine *machine,
            const char  *roadmap_dir)
{
  const char * const args[] = { "--roadmap-dir", roadmap_dir, "--sync", NULL };
  double start = bench_now_ms ();

  run_ok (machine, args);
  return bench_now_ms () - start;
}

/* 1,000 PUTs of tasks like Roadmap's into a list of their own */
static double
time_floor (SyncServer *server,
            guint       repeat)
{
  g_autofree char *list = sync_server_make_list (server);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  double start;

  for (guint i = 0; i < N_SKILLS; i++)
    {
      g_ptr_array_add (paths, g_strdup_printf ("%sfloor-%u-%u.ics", list, repeat, i));
      g_ptr_array_add (bodies, g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
                                                "BEGIN:VTODO\r\nUID:floor-%u-%u\r\nDTSTAMP:20260101T000000Z\r\n"
                                                "LAST-MODIFIED:20260101T000000Z\r\nSEQUENCE:1\r\n"
                                                "SUMMARY:Skill %u\r\nSTATUS:IN-PROCESS\r\n"
                                                "DTSTART:20260101T000000Z\r\nCATEGORIES:Track\r\n"
                                                "CATEGORIES:Phase\r\nX-ROADMAP-TRACK:track-000\r\n"
                                                "X-ROADMAP-SKILL:skill-%04u\r\nX-ROADMAP-POSITION:4294967296\r\n"
                                                "X-ROADMAP-TOPICS:W10=\r\n"
                                                "X-ROADMAP-STATUS-MODIFIED:1767225600000000 "
                                                "00000000-0000-0000-0000-000000000000 0123456789abcdef\r\n"
                                                "X-ROADMAP-POSITION-MODIFIED:1767225600000000 "
                                                "00000000-0000-0000-0000-000000000000 0123456789abcdef\r\n"
                                                "X-ROADMAP-NOTE-MODIFIED:0 - 0123456789abcdef\r\n"
                                                "X-ROADMAP-TOPICS-MODIFIED:0 - 0123456789abcdef\r\n"
                                                "END:VTODO\r\nEND:VCALENDAR\r\n",
                                                repeat, i, i, i));
    }
  g_ptr_array_add (paths, NULL);
  g_ptr_array_add (bodies, NULL);

  start = bench_now_ms ();
  sync_server_put_all (server, (const char * const *) paths->pdata, (const char * const *) bodies->pdata);
  return bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  guint repeats = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_REPEATS;
  g_autofree char *missing = sync_test_missing ();
  g_autofree char *dir = NULL;
  g_autofree char *roadmap_dir = NULL;
  g_autofree char *list = NULL;
  g_autoptr(GArray) created = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) modified = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  SyncServer *server;
  double median_floor, median_modified;

  if (missing != NULL)
    {
      g_print ("bench-sync: not run: %s\n", missing);
      return 77;
    }
  repeats = MAX (repeats, 1);

  dir = store_test_make_dir ();
  roadmap_dir = g_build_filename (dir, "roadmaps", NULL);
  g_assert_cmpint (g_mkdir_with_parents (roadmap_dir, 0700), ==, 0);
  bench_catalog_write_dir (roadmap_dir, 1, 5, N_SKILLS, &error);
  g_assert_no_error (error);
  server = sync_server_start (dir);

  for (guint r = 0; r < repeats; r++)
    {
      g_autofree char *name = g_strdup_printf ("machine-%u", r);
      SyncMachine *machine;
      const char * const turn_on[] = { "--roadmap-dir", roadmap_dir, "--sync-to", SYNC_TEST_SOURCE_UID, NULL };
      double ms;

      g_clear_pointer (&list, g_free);
      list = sync_server_make_list (server);
      machine = sync_machine_new (dir, name, server, list);
      run_ok (machine, turn_on);

      move_all (machine, roadmap_dir, "doing");
      ms = time_round (machine, roadmap_dir);
      g_array_append_val (created, ms);

      move_all (machine, roadmap_dir, "done");
      ms = time_round (machine, roadmap_dir);
      g_array_append_val (modified, ms);

      ms = time_floor (server, r);
      g_array_append_val (floor, ms);
      sync_machine_free (machine);
    }

  median_floor = bench_median (floor);
  median_modified = bench_median (modified);
  g_print ("sync round, %u skills created on the server: %.0f ms (%.1f ms a skill)\n",
           N_SKILLS, bench_median (created), bench_median (created) / N_SKILLS);
  g_print ("sync round, %u skills modified on the server: %.0f ms (%.1f ms a skill)\n",
           N_SKILLS, median_modified, median_modified / N_SKILLS);
  g_print ("floor, %u plain CalDAV PUTs: %.0f ms (%.1f ms a task)\n",
           N_SKILLS, median_floor, median_floor / N_SKILLS);
  g_print ("ratio, modified round to floor: %.2f (medians of %u)\n",
           median_modified / median_floor, repeats);

  sync_server_free (server);
  store_test_remove_dir (dir);
  return EXIT_SUCCESS;
}
