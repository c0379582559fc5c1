/* roadmap-store-topics.c — the topics of a skill the learner ticked off
 *
 * A row per (track, skill, topic text), written inside a change like a
 * note: an untick keeps the row with done = 0, so that a reload of the
 * newer rows sees it, and the rows of topics a roadmap no longer lists
 * stay (an edit that brings the text back brings the tick back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-store-private.h"

/**
 * roadmap_store_read_topic:
 * @topic: the topic's text
 * @done: (out): whether the database has it ticked
 * @change: (out) (optional): the change that wrote its row, 0 if none
 */
gboolean
roadmap_store_read_topic (RoadmapStore  *self,
                          RoadmapSkill  *skill,
                          const char    *topic,
                          gboolean      *done,
                          gint64        *change,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT done, change FROM topics"
                                      " WHERE track_id = ?1 AND skill_id = ?2 AND topic = ?3",
                                      &stmt, error))
    return FALSE;

  _roadmap_store_bind_skill (stmt, skill);
  sqlite3_bind_text (stmt, 3, topic, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *done = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  if (change != NULL)
    *change = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/**
 * roadmap_store_write_topic:
 * @topic: the topic's text
 * @done: ticked or not
 * @now: Unix seconds, for updated_at
 *
 * Inside a change.
 */
gboolean
roadmap_store_write_topic (RoadmapStore  *self,
                           RoadmapSkill  *skill,
                           const char    *topic,
                           gboolean       done,
                           gint64         change,
                           gint64         now,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (topic != NULL && g_utf8_validate (topic, -1, NULL), FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO topics (track_id, skill_id, topic, done, updated_at, change)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                      " ON CONFLICT (track_id, skill_id, topic) DO UPDATE SET"
                                      "   done = excluded.done, updated_at = excluded.updated_at,"
                                      "   change = excluded.change",
                                      &stmt, error))
    return FALSE;

  _roadmap_store_bind_skill (stmt, skill);
  sqlite3_bind_text (stmt, 3, topic, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, done ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, change);

  return _roadmap_store_step_done (self, stmt, error);
}
