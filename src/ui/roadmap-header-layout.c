/* roadmap-header-layout.c
 *
 * Two children: a title and what goes with it (a phase's progress). Side
 * by side, the second at its natural width at the end, when the title
 * fits on one line beside it; otherwise the second goes under the title,
 * which gets the whole width. So a narrow window shows "Phase 3 ·
 * Advanced & Projects" on one or two lines, not squeezed into three.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-header-layout.h"

#define SPACING         12
#define STACKED_SPACING 6

struct _RoadmapHeaderLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (RoadmapHeaderLayout, roadmap_header_layout, GTK_TYPE_LAYOUT_MANAGER)

static gboolean
get_children (GtkWidget  *widget,
              GtkWidget **title,
              GtkWidget **side)
{
  *title = gtk_widget_get_first_child (widget);
  *side = *title != NULL ? gtk_widget_get_next_sibling (*title) : NULL;

  return *side != NULL && gtk_widget_should_layout (*title) && gtk_widget_should_layout (*side);
}

static int
natural_width (GtkWidget *child)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* Whether @width holds the title, unwrapped, beside the other child */
static gboolean
side_by_side (GtkWidget *title,
              GtkWidget *side,
              int        width)
{
  return natural_width (title) + SPACING + natural_width (side) <= width;
}

static int
height_for (GtkWidget *child,
            int        width)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

static GtkSizeRequestMode
roadmap_header_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
roadmap_header_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  GtkWidget *title, *side;
  int title_minimum, side_minimum;

  *minimum = *natural = 0;
  if (!get_children (widget, &title, &side))
    {
      if (title != NULL && gtk_widget_should_layout (title))
        gtk_widget_measure (title, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Stacked, each child's minimum is enough */
      gtk_widget_measure (title, orientation, -1, &title_minimum, NULL, NULL, NULL);
      gtk_widget_measure (side, orientation, -1, &side_minimum, NULL, NULL, NULL);
      *minimum = MAX (title_minimum, side_minimum);
      *natural = natural_width (title) + SPACING + natural_width (side);
      return;
    }

  if (for_size < 0)
    for_size = natural_width (title) + SPACING + natural_width (side);

  if (side_by_side (title, side, for_size))
    *minimum = MAX (height_for (title, for_size - SPACING - natural_width (side)),
                    height_for (side, natural_width (side)));
  else
    *minimum = height_for (title, for_size) + STACKED_SPACING + height_for (side, for_size);
  *natural = *minimum;
}

static void
roadmap_header_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  GtkWidget *title, *side;

  if (!get_children (widget, &title, &side))
    {
      if (title != NULL && gtk_widget_should_layout (title))
        gtk_widget_size_allocate (title, &(GtkAllocation) { 0, 0, width, height }, -1);
      return;
    }

  if (side_by_side (title, side, width))
    {
      int side_width = natural_width (side);
      int title_width = width - SPACING - side_width;

      int side_height = height_for (side, side_width);

      /* The other child centred on the title's block */
      gtk_widget_size_allocate (title, &(GtkAllocation) { 0, 0, title_width, height_for (title, title_width) }, -1);
      gtk_widget_size_allocate (side, &(GtkAllocation) { width - side_width, MAX (0, (height - side_height) / 2),
                                                         side_width, side_height }, -1);
    }
  else
    {
      int title_height = height_for (title, width);

      gtk_widget_size_allocate (title, &(GtkAllocation) { 0, 0, width, title_height }, -1);
      gtk_widget_size_allocate (side, &(GtkAllocation) { 0, title_height + STACKED_SPACING,
                                                         width, height_for (side, width) }, -1);
    }
}

static void
roadmap_header_layout_class_init (RoadmapHeaderLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = roadmap_header_layout_get_request_mode;
  layout_class->measure = roadmap_header_layout_measure;
  layout_class->allocate = roadmap_header_layout_allocate;
}

static void
roadmap_header_layout_init (RoadmapHeaderLayout *self)
{
}
