#pragma once
// Fitting a chart's words to the printed page (an exported figure). Qt Charts elides whatever does not fit — a
// title, an axis title ("input i..."), a legend label ("SGD, mea..."), a tick label ("0 ... ...") — and prints the
// ellipsis. On a page every word must be whole, so each title may carry a shorter wording that is used where the
// long one does not fit, value axes get as many ticks as their labels have room for, and a legend too wide for
// one row is laid out in rows under the plot.
#include <QStringList>

class QChart;
class QFont;
class QObject;

// The wordings, each shorter than the one before, that a chart title or an axis title takes on a page where the
// long one does not fit.
void setShortTitle(QObject* chartOrAxis, const QStringList& wordings);

// For words on screen, where the room changes with the window: the first of the wordings (longest first) whose
// first line, set in bold as titles are, fits `room` pixels; else the last. Measured rather than read back from
// Qt Charts' elision, so that a chart that grows gets the long wording back.
QString longestFitting(const QFont& font, double room, const QStringList& wordings);

// The width a one-row legend of these entries takes on screen: each entry a marker about a line high, a gap, its
// name. Qt Charts elides every name when the row is wider than the chart.
double legendRowWidth(const QFont& font, const QStringList& names);

// Fits the chart as it is laid out now; call it after every layout that changes the plot area (each call undoes
// nothing a refresh set, it only shortens and rearranges).
void fitToPage(QChart* chart);
