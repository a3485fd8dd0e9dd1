#include "PageFit.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

const char* const kShortTitle = "aedynShortTitle";
const char* const kMarginsBeforeLegend = "aedynMarginsBeforeLegend";

QString plain(const QString& html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}

// Whether Qt Charts elided `html` in the chart: a text item of the chart reads as its start and "...".
bool elided(const QChart* chart, const QString& html)
{
    const QString whole = plain(html);
    QList<QGraphicsItem*> todo = chart->childItems();
    while (!todo.isEmpty()) {
        const QGraphicsItem* item = todo.takeLast();
        todo << item->childItems();
        if (const auto* text = dynamic_cast<const QGraphicsTextItem*>(item)) {
            const QString shown = text->toPlainText();
            if (shown.endsWith(QLatin1String("...")) && whole.startsWith(shown.chopped(3)) && shown != whole)
                return true;
        }
    }
    return false;
}

// The next shorter wording, where Qt Charts elided the current one.
template <typename Set>
void shortenIfElided(const QChart* chart, const QObject* owner, const QString& current, Set set)
{
    const QStringList wordings = owner->property(kShortTitle).toStringList();
    if (wordings.isEmpty() || !elided(chart, current))
        return;
    const qsizetype at = wordings.indexOf(current);
    if (at + 1 < wordings.size())
        set(wordings.at(at + 1));
}

// 1, 2 or 5 times a power of ten, at least x.
double niceStep(double x)
{
    const double decade = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * decade >= x * (1 - 1e-9))
            return m * decade;
    return 10 * decade;
}

// As many ticks as the labels have room for, at round values: beyond that Qt Charts elides every label.
void fitTicks(QValueAxis* axis, const QRectF& plot)
{
    const double span = axis->max() - axis->min();
    if (!(span > 0))
        return;
    const QFontMetricsF fm(axis->labelsFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double label = horizontal ? std::max(fm.horizontalAdvance(QString::number(axis->min(), 'g', 4)),
                                               fm.horizontalAdvance(QString::number(axis->max(), 'g', 4))) +
                                          fm.horizontalAdvance(QStringLiteral("00"))
                                    : 2 * fm.height();
    const double room = horizontal ? plot.width() : plot.height();
    const int fitting = std::max(2, static_cast<int>(room / label) + 1);
    const int shown = axis->tickType() == QValueAxis::TicksDynamic
                          ? static_cast<int>(span / axis->tickInterval()) + 1
                          : axis->tickCount();
    if (shown <= fitting)
        return;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(niceStep(span / (fitting - 1)));
    axis->setLabelFormat(axis->labelFormat());  // new labels, new widths: Qt Charts lays the axis out again
}

QList<QGraphicsTextItem*> legendLabels(const QLegend* legend)
{
    QList<QGraphicsTextItem*> labels;
    QList<QGraphicsItem*> todo = legend->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem* item = todo.takeLast();
        if (!item->isVisible())
            continue;
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            labels << text;  // empty too: Qt Charts empties a label it would elide to nothing but "..."
        todo << item->childItems();
    }
    return labels;
}

// A legend whose entries do not fit in one row goes under the plot, in as many rows as it needs.
void wrapLegend(QChart* chart)
{
    QLegend* legend = chart->legend();
    legend->setMarkerShape(QLegend::MarkerShapeFromSeries);  // the line's dash and the marker's shape, as drawn
    const QList<QGraphicsTextItem*> labels = legendLabels(legend);
    if (labels.isEmpty() || !legend->isVisible())
        return;
    const QRectF page = chart->mapRectToScene(QRectF(QPointF(), chart->size()));
    const bool cut = std::any_of(labels.begin(), labels.end(), [&](const QGraphicsTextItem* l) {
        return l->toPlainText().isEmpty() || l->toPlainText().contains(QStringLiteral("...")) ||
               l->sceneBoundingRect().right() > page.right();
    });
    if (legend->isAttachedToChart() && !cut)
        return;
    if (legend->isAttachedToChart()) {
        chart->setProperty(kMarginsBeforeLegend, chart->margins().bottom());
        legend->detachFromChart();
        legend->setBackgroundVisible(false);
        // A detached legend keeps its place: it follows the chart when the page's layout resizes it.
        QObject::connect(chart, &QGraphicsWidget::geometryChanged, legend, [chart] { wrapLegend(chart); });
    }
    QMargins base = chart->margins();
    base.setBottom(chart->property(kMarginsBeforeLegend).toInt());
    const double width = chart->size().width() - base.left() - base.right();
    const double line = QFontMetricsF(legend->font()).height();
    // Laid out with room to spare, then given exactly the rows it used.
    legend->setGeometry(QRectF(base.left(), 0, width, 10 * 1.6 * line));
    legend->layout()->activate();
    double top = 1e300, bottom = -1e300;
    for (const QGraphicsTextItem* label : legendLabels(legend)) {
        const QRectF entry = label->parentItem()->mapRectToItem(legend, label->parentItem()->boundingRect());
        top = std::min(top, entry.top());
        bottom = std::max(bottom, entry.bottom());
    }
    const double height = std::ceil(bottom - std::min(0.0, top)) + 2;
    QMargins margins = base;
    margins.setBottom(base.bottom() + static_cast<int>(height));
    chart->setMargins(margins);
    legend->setGeometry(QRectF(base.left(), chart->size().height() - margins.bottom(), width, height));
    legend->layout()->activate();
}


// A tick label centred on the last tick of a horizontal axis reaches half its width past the plot: the chart's
// right margin makes room for it, or a neighbouring panel's words run into it.
void roomForLastTick(QChart* chart, const QRectF& plot)
{
    double half = 0;
    for (const QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
        const QFontMetricsF fm(axis->labelsFont());
        half = std::max(half, fm.horizontalAdvance(QStringLiteral("10⁻⁰")) / 2 + 1);
        if (const auto* values = qobject_cast<const QValueAxis*>(axis))
            half = std::max(half, fm.horizontalAdvance(QString::number(values->max(), 'g', 4)) / 2 + 1);
    }
    const double overflow = plot.right() + half - chart->size().width();
    if (overflow > 0) {
        QMargins m = chart->margins();
        m.setRight(m.right() + static_cast<int>(std::ceil(overflow)));
        chart->setMargins(m);
    }
}

} // namespace

QString longestFitting(const QFont& font, double room, const QStringList& wordings)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(bold);
    // Qt Charts sets a title in a text item whose document keeps a margin of 4 px on each side, and elides the
    // text when text and margins exceed the room (measured bare, "norms" was elided to "nor..." on a 43 px plot).
    constexpr double kTextItemMargins = 2 * 4 + 1;
    for (const QString& w : wordings) {
        const QString firstLine =
            plain(w).replace(QChar::LineSeparator, QLatin1Char('\n')).section(QLatin1Char('\n'), 0, 0);
        if (fm.horizontalAdvance(firstLine) + kTextItemMargins <= room)
            return w;
    }
    return wordings.last();
}

double legendRowWidth(const QFont& font, const QStringList& names)
{
    const QFontMetricsF metrics(font);
    double width = 0;
    for (const QString& name : names)
        width += metrics.horizontalAdvance(name) + 2.5 * metrics.height();
    return width;
}

void setShortTitle(QObject* chartOrAxis, const QStringList& wordings) { chartOrAxis->setProperty(kShortTitle, wordings); }

void fitToPage(QChart* chart)
{
    const QRectF plot = chart->plotArea();
    roomForLastTick(chart, plot);
    if (!chart->title().isEmpty())
        shortenIfElided(chart, chart, chart->title(), [chart](const QString& t) { chart->setTitle(t); });
    for (QAbstractAxis* axis : chart->axes()) {
        shortenIfElided(chart, axis, axis->titleText(), [axis](const QString& t) { axis->setTitleText(t); });
        if (auto* values = qobject_cast<QValueAxis*>(axis))
            fitTicks(values, plot);
    }
    wrapLegend(chart);
}

