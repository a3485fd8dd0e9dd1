#pragma once
// The words of an exported figure as a reader sees them, for tests: every text item of its charts' scenes and every
// label, with its box on the page, and what is wrong with them — elided ("…", or Qt Charts' "..."), off the page, or
// on top of another word — plus each legend entry's box and the ink a rendering has there.
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QStringList>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QWidget>

#include <algorithm>

struct Word {
    QRectF box;  // in the page's coordinates
    QString text;
};

// A text item's box without the empty margin of its document.
inline QRectF inkBox(const QGraphicsItem* item)
{
    QRectF box = item->boundingRect();
    if (const auto* text = dynamic_cast<const QGraphicsTextItem*>(item)) {
        const double m = text->document()->documentMargin();
        box.adjust(m, m, -m, -m);
    }
    return item->mapRectToScene(box);
}

// Calls f(label) for each shown text item of a chart's legend (Qt Charts keeps each label beside its marker).
template <class F>
void forEachLegendLabel(QChartView* view, F&& f)
{
    QList<QGraphicsItem*> todo = view->chart()->legend()->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem* item = todo.takeLast();
        if (!item->isVisible())
            continue;
        todo << item->childItems();
        if (const auto* label = dynamic_cast<const QGraphicsTextItem*>(item))
            f(label);
    }
}

// Legend entries whose label Qt Charts emptied (it does so rather than draw a label elided to "...").
inline QStringList emptiedLegendLabels(QWidget* page)
{
    QStringList problems;
    for (QChartView* view : page->findChildren<QChartView*>()) {
        if (!view->isVisibleTo(page))
            continue;
        forEachLegendLabel(view, [&](const QGraphicsTextItem* label) {
            if (label->toPlainText().isEmpty())
                problems << QStringLiteral("a legend label of '%1' is empty").arg(view->chart()->title());
        });
    }
    return problems;
}

// What is wrong with the words of a page, in one sentence each.
inline QStringList problemsOf(const QList<Word>& words, const QRectF& page)
{
    QStringList problems;
    for (const Word& w : words) {
        if (w.text.contains(QStringLiteral("…")) || w.text.contains(QStringLiteral("...")))
            problems << QStringLiteral("elided: '%1'").arg(w.text);
        if (!page.adjusted(-1, -1, 1, 1).contains(w.box))
            problems << QStringLiteral("off the page: '%1'").arg(w.text);
    }
    for (qsizetype i = 0; i < words.size(); ++i)
        for (qsizetype j = i + 1; j < words.size(); ++j) {
            const QRectF both = words[i].box.intersected(words[j].box);
            if (both.width() > 1 && both.height() > 1)
                problems << QStringLiteral("'%1' overprints '%2'").arg(words[i].text, words[j].text);
        }
    return problems;
}

// The words of the page's charts (titles, axis titles and ticks, legend labels, the decade and PCA labels the charts
// draw) and of its labels (the exponent box, panel letters).
// Calls visit(view, origin) for each chart view the page shows, origin being its viewport's place on the page.
template <typename Visit>
void forEachShownChart(QWidget* page, Visit visit)
{
    for (QChartView* view : page->findChildren<QChartView*>())
        if (view->isVisibleTo(page))
            visit(view, view->viewport()->mapTo(page, QPoint()));
}

inline QList<Word> chartAndLabelWords(QWidget* page)
{
    QList<Word> words;
    forEachShownChart(page, [&](QChartView* view, QPoint origin) {
        for (QGraphicsItem* item : view->scene()->items()) {
            if (!item->isVisible())
                continue;
            QString text;
            QColor colour;
            if (const auto* t = dynamic_cast<const QGraphicsTextItem*>(item)) {
                text = t->toPlainText();
                colour = t->defaultTextColor();
            } else if (const auto* s = dynamic_cast<const QGraphicsSimpleTextItem*>(item)) {
                text = s->text();
                colour = s->brush().color();
            }
            // Log axes draw their own tick labels transparent, under DecadeLabels' powers of ten.
            if (text.trimmed().isEmpty() || colour.alpha() == 0)
                continue;
            words.append({view->mapFromScene(inkBox(item)).boundingRect().translated(origin), text});
        }
    });
    for (QLabel* label : page->findChildren<QLabel*>())
        if (label->isVisibleTo(page) && !label->text().isEmpty())
            words.append({QRectF(label->contentsRect()).translated(label->mapTo(page, QPoint())),
                          QTextDocumentFragment::fromHtml(label->text()).toPlainText()});
    return words;
}

// The legend entries a figure shows, each with its box on the page (marker and label): the legend labels of its
// charts that hold text.
inline QList<Word> legendEntries(QWidget* page)
{
    QList<Word> entries;
    forEachShownChart(page, [&](QChartView* view, QPoint origin) {
        forEachLegendLabel(view, [&](const QGraphicsTextItem* label) {
            if (label->toPlainText().trimmed().isEmpty())
                return;
            const QRectF entry = label->parentItem()->sceneBoundingRect();  // the marker and its label
            entries.append({view->mapFromScene(entry).boundingRect().translated(origin), label->toPlainText()});
        });
    });
    return entries;
}

// Dark pixels of `image` within `box` (in the page's logical pixels, drawn at `dpi`).
inline int inkIn(const QImage& image, const QRectF& box, double dpi)
{
    const double s = dpi / 96.0;
    const QRect pixels = QRectF(box.topLeft() * s, box.size() * s).toAlignedRect() & image.rect();
    int ink = 0;
    for (int y = pixels.top(); y <= pixels.bottom(); ++y)
        for (int x = pixels.left(); x <= pixels.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            ink += std::min({c.red(), c.green(), c.blue()}) < 160;
        }
    return ink;
}
