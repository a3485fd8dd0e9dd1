#pragma once
// The light and the dark theme (View ▸ Dark theme; D in lecture mode). The window takes the theme's palette, every
// chart its ground, type, axes and grid; the lines take their colours from the chart's ChartStyle. A figure for a
// page is built from fresh, light charts, so exporting from a dark window still prints black on white.
#include "ChartStyle.h"

#include <QPalette>

class QChart;

QPalette themePalette(bool dark);
void applyChartTheme(QChart* chart, const ChartStyle& style);
