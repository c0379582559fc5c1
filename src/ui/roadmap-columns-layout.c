/* roadmap-columns-layout.c
 *
 * Lays out the children (a phase's three columns) in equal-width columns,
 * each as tall as it needs, when each can have its minimum width, and
 * stacks them otherwise, so the board stays usable down to 360 px without
 * horizontal scrolling. Unlike
 * GtkFlowBox it measures each child once per width, which matters for
 * columns full of wrapping labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-columns-layout.h"

#define SPACING 6

struct _RoadmapColumnsLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (RoadmapColumnsLayout, roadmap_columns_layout, GTK_TYPE_LAYOUT_MANAGER)

static guint
count_children (GtkWidget *widget,
                int       *max_minimum,
                int       *sum_natural)
{
  guint n = 0;

  *max_minimum = 0;
  *sum_natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum, natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      *max_minimum = MAX (*max_minimum, minimum);
      *sum_natural += natural;
      n++;
    }

  return n;
}

/* Whether @width holds all children side by side. */
static gboolean
fits_side_by_side (guint n,
                   int   max_minimum,
                   int   width)
{
  return n > 0 && width >= (int) n * max_minimum + ((int) n - 1) * SPACING;
}

static int
column_width (guint n,
              int   width)
{
  return (width - ((int) n - 1) * SPACING) / (int) n;
}

static GtkSizeRequestMode
roadmap_columns_layout_get_request_mode (GtkLayoutManager *manager,
                                         GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
roadmap_columns_layout_measure (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                GtkOrientation    orientation,
                                int               for_size,
                                int              *minimum,
                                int              *natural,
                                int              *minimum_baseline,
                                int              *natural_baseline)
{
  int max_minimum, sum_natural;
  guint n = count_children (widget, &max_minimum, &sum_natural);
  gboolean side_by_side;
  int child_width;

  *minimum = *natural = 0;
  if (n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Stacked, one column's minimum is enough. */
      *minimum = max_minimum;
      *natural = MAX (sum_natural + ((int) n - 1) * SPACING, *minimum);
      return;
    }

  if (for_size < 0)
    for_size = (int) n * max_minimum + ((int) n - 1) * SPACING;

  side_by_side = fits_side_by_side (n, max_minimum, for_size);
  child_width = side_by_side ? column_width (n, for_size) : for_size;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width,
                          &child_minimum, &child_natural, NULL, NULL);

      if (side_by_side)
        {
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
      else
        {
          *minimum += child_minimum + SPACING;
          *natural += child_natural + SPACING;
        }
    }

  if (!side_by_side)
    {
      *minimum -= SPACING;
      *natural -= SPACING;
    }
}

static void
roadmap_columns_layout_allocate (GtkLayoutManager *manager,
                                 GtkWidget        *widget,
                                 int               width,
                                 int               height,
                                 int               baseline)
{
  int max_minimum, sum_natural;
  guint n = count_children (widget, &max_minimum, &sum_natural);
  gboolean side_by_side = fits_side_by_side (n, max_minimum, width);
  int child_width = side_by_side ? column_width (n, width) : width;
  int x = 0, y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (side_by_side)
        {
          /* Each as tall as it needs: an empty column stays a drop zone
           * of about a card's height, not a well as tall as its
           * neighbour. */
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, child_width, MIN (child_height, height) }, -1);
          x += child_width + SPACING;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
          y += child_height + SPACING;
        }
    }
}

static void
roadmap_columns_layout_class_init (RoadmapColumnsLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = roadmap_columns_layout_get_request_mode;
  layout_class->measure = roadmap_columns_layout_measure;
  layout_class->allocate = roadmap_columns_layout_allocate;
}

static void
roadmap_columns_layout_init (RoadmapColumnsLayout *self)
{
}
