#include "LectureMode.h"

#include "ChartStyle.h"
#include "DashboardChart.h"
#include "LectureStrip.h"
#include "Theme.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QChartView>
#include <QMainWindow>
#include <QScreen>

#include <algorithm>

namespace {

// The box layout, below `layout`, that holds `w` directly.
QBoxLayout* rowOf(QLayout* layout, QWidget* w)
{
    if (!layout)
        return nullptr;
    if (auto* box = qobject_cast<QBoxLayout*>(layout); box && box->indexOf(w) >= 0)
        return box;
    for (int i = 0; i < layout->count(); ++i)
        if (QBoxLayout* found = rowOf(layout->itemAt(i)->layout(), w))
            return found;
    return nullptr;
}

} // namespace

LectureMode::LectureMode(const Parts& parts, QObject* parent)
    : QObject(parent)
    , parts_(parts)
{
    for (const View& v : parts_.views) {
        // The dashboard may not be the window's central widget yet: start from the view's own parent.
        QBoxLayout* row = v.widget->parentWidget() ? rowOf(v.widget->parentWidget()->layout(), v.widget) : nullptr;
        Q_ASSERT(row);
        const int index = row->indexOf(v.widget);
        places_.push_back({row, index, row->stretch(index)});
        const bool known = std::any_of(rowStretch_.begin(), rowStretch_.end(), [&](const auto& r) { return r.first == row; });
        if (auto* rows = qobject_cast<QBoxLayout*>(row->parent()); rows && !known)
            rowStretch_.emplace_back(row, rows->stretch(rows->indexOf(row)));
    }
    for (const auto& [key, step] : {std::pair{Qt::Key_Right, 1}, std::pair{Qt::Key_Left, -1}}) {
        auto* a = new QAction(this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, step = step] { parts_.strip->stepPreset(step); });
        keys_ << a;
    }
    auto* next = new QAction(this);
    next->setShortcut(Qt::Key_V);
    connect(next, &QAction::triggered, this, &LectureMode::nextView);
    keys_ << next;
    auto* replay = new QAction(this);
    replay->setShortcut(Qt::Key_P);
    connect(replay, &QAction::triggered, parts_.strip, &LectureStrip::replayClicked);
    keys_ << replay;
    auto* leave = new QAction(this);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, this, [this] { setOn(false); });
    keys_ << leave;
    for (QAction* a : keys_) {
        a->setEnabled(false);
        parts_.window->addAction(a);
    }
    connect(parts_.strip, &LectureStrip::nextViewClicked, this, &LectureMode::nextView);
    // Each preset tells its story with its own companion view.
    connect(parts_.strip, &LectureStrip::presetShown, this, &LectureMode::showView);
}

void LectureMode::setOn(bool on)
{
    if (on == on_)
        return;
    on_ = on;
    QMainWindow* w = parts_.window;
    if (on) {
        savedGeometry_ = w->saveGeometry();
        savedState_ = w->saveState();
        savedWindowState_ = w->windowState();
        parts_.strip->sync();  // shows the preset's view
    }
    for (QWidget* part : parts_.hidden)
        part->setVisible(!on);
    parts_.strip->setVisible(on);
    for (QAction* a : keys_)
        a->setEnabled(on);
    applyStyle();
    arrange();
    if (on) {
        w->showFullScreen();
    } else {
        w->restoreState(savedState_);
        w->setWindowState(savedWindowState_);
        w->restoreGeometry(savedGeometry_);
    }
    emit toggled(on);
}

void LectureMode::setDark(bool dark)
{
    dark_ = dark;
    applyStyle();
}

void LectureMode::applyStyle()
{
    QMainWindow* w = parts_.window;
    const QScreen* screen = w->screen() ? w->screen() : QApplication::primaryScreen();
    ChartStyle style = on_ ? ChartStyle::lecture(screen->geometry().height()) : ChartStyle::screen();
    style.dark = dark_;
    const double points = style.fontPoints > 0 ? style.fontPoints : QApplication::font().pointSizeF();
    QFont font = QApplication::font();
    font.setPointSizeF(points);
    w->centralWidget()->setFont(font);
    for (DashboardChart* chart : parts_.charts)
        chart->setChartStyle(style);
    for (QChartView* view : w->centralWidget()->findChildren<QChartView*>()) {
        setChartFontSize(view->chart(), points);
        applyChartTheme(view->chart(), style);
    }
}

void LectureMode::showView(const QString& name)
{
    for (int i = 0; i < parts_.views.size(); ++i)
        if (parts_.views[i].name == name)
            current_ = i;
    if (on_)
        arrange();
}

int LectureMode::followingView() const
{
    const int n = std::max<int>(1, int(parts_.views.size()));
    for (int step = 1; step < n; ++step) {
        const int i = (current_ + step) % n;
        if (!parts_.views[i].available || parts_.views[i].available())
            return i;
    }
    return current_;
}

void LectureMode::nextView()
{
    current_ = followingView();
    if (on_)
        arrange();
}

void LectureMode::setRowStretch(QBoxLayout* row, int stretch)
{
    if (auto* rows = qobject_cast<QBoxLayout*>(row->parent()))
        rows->setStretch(rows->indexOf(row), stretch);
}

void LectureMode::arrange()
{
    for (std::size_t i = 0; i < places_.size(); ++i) {
        places_[i].row->removeWidget(parts_.views[int(i)].widget);
        parts_.heroRow->removeWidget(parts_.views[int(i)].widget);  // the companion of the last arrangement
    }
    if (on_) {
        for (int i = 0; i < parts_.views.size(); ++i)
            parts_.views[i].widget->setVisible(i == current_);
        for (int i = 0; i < parts_.heroRow->count(); ++i)  // a chart maximised by double-click comes back
            if (QWidget* hero = parts_.heroRow->itemAt(i)->widget())
                hero->setVisible(true);
        parts_.heroRow->addWidget(parts_.views[current_].widget, 2);
        for (std::size_t i = 0; i < places_.size(); ++i)
            if (places_[i].row != parts_.heroRow)
                setRowStretch(places_[i].row, 0);
        parts_.strip->setViewLabel(QStringLiteral("▸ %1 (V)").arg(parts_.views[followingView()].label));
    } else {
        // Back in the order of their indices, so that each lands where it was.
        std::vector<std::size_t> order(places_.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return places_[a].index < places_[b].index; });
        for (std::size_t i : order) {
            places_[i].row->insertWidget(places_[i].index, parts_.views[int(i)].widget, places_[i].stretch);
            parts_.views[int(i)].widget->setVisible(true);
        }
        for (const auto& [row, stretch] : rowStretch_)
            setRowStretch(row, stretch);
    }
}
