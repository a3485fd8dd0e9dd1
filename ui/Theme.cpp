#include "Theme.h"

#include "DecadeLabels.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QStyle>

QPalette themePalette(bool dark)
{
    if (!dark)
        return QApplication::style()->standardPalette();
    const QColor ground(0x1E, 0x1E, 0x22), raised(0x2A, 0x2A, 0x30), text(0xE8, 0xE8, 0xE8);
    QPalette p;
    p.setColor(QPalette::Window, ground);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, ground);
    p.setColor(QPalette::AlternateBase, raised);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, raised);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, raised);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Highlight, QColor(0x56, 0xB4, 0xE9));  // the palette's sky blue
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x40, 0x40, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x34, 0x3A));
    p.setColor(QPalette::Mid, QColor(0x28, 0x28, 0x2E));
    p.setColor(QPalette::Dark, QColor(0x14, 0x14, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

void applyChartTheme(QChart* chart, const ChartStyle& style)
{
    const QColor ink = style.ink();
    chart->setBackgroundBrush(style.paper());
    chart->setTitleBrush(ink);
    chart->legend()->setLabelColor(ink);
    const QColor grid = style.dark ? QColor(0x3C, 0x3C, 0x44) : QColor(0xE0, 0xE0, 0xE0);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setTitleBrush(ink);
        axis->setLinePenColor(style.reference());
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        // A log axis' own labels are transparent placeholders; its DecadeLabels draw the text.
        if (auto* decades = axis->findChild<DecadeLabels*>())
            decades->setColour(ink);
        else
            axis->setLabelsColor(ink);
    }
}
