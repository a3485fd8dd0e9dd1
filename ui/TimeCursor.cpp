#include "TimeCursor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

TimeCursor::TimeCursor(QWidget* parent)
    : QWidget(parent)
    , slider_(new QSlider(Qt::Horizontal))
    , label_(new QLabel)
    , replay_(new QToolButton)
    , speed_(new QComboBox)
    , timer_(new QTimer(this))
{
    slider_->setObjectName(QStringLiteral("timeCursor"));
    slider_->setMinimumWidth(120);
    slider_->setToolTip(tr("The time shown by the overlap map and marked on the learning curve; at the right end it "
                           "follows the latest point"));
    replay_->setText(QStringLiteral("▶ Replay"));
    replay_->setCheckable(true);
    replay_->setToolTip(tr("Step the time through the run, so the overlap map moves with the learning curve"));
    for (const double rate : {0.5, 1.0, 2.0, 4.0})
        speed_->addItem(QStringLiteral("%1×").arg(rate), rate);
    speed_->setCurrentIndex(1);
    speed_->setToolTip(tr("Replay speed: 1× is two seconds per decade of time"));
    holdLabelWidth();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(slider_, 1);
    layout->addWidget(label_);
    layout->addWidget(replay_);
    layout->addWidget(speed_);
    connect(slider_, &QSlider::valueChanged, this, &TimeCursor::moved);
    connect(replay_, &QToolButton::toggled, this, &TimeCursor::replay);
    connect(timer_, &QTimer::timeout, this, &TimeCursor::step);
    connect(speed_, &QComboBox::currentIndexChanged, this, [this] {
        timer_->setInterval(static_cast<int>(1000.0 / replayRate()));
    });
    timer_->setInterval(static_cast<int>(1000.0 / replayRate()));
    setTimes({});
}

double TimeCursor::replayRate() const { return 12.0 * speed_->currentData().toDouble(); }

void TimeCursor::setTimes(const std::vector<double>& times)
{
    times_ = times;
    const QSignalBlocker block(slider_);
    slider_->setEnabled(times_.size() > 1);
    replay_->setEnabled(times_.size() > 1);
    slider_->setRange(0, std::max<int>(0, static_cast<int>(times_.size()) - 1));
    if (!time_ || times_.empty()) {
        slider_->setValue(slider_->maximum());
    } else {
        const auto it = std::upper_bound(times_.begin(), times_.end(), *time_ * (1 + 1e-12));
        slider_->setValue(std::max(0, static_cast<int>(it - times_.begin()) - 1));
    }
    showTime();
}

void TimeCursor::setTime(std::optional<double> t)
{
    time_ = t;
    setTimes(times_);
    emit timeChanged();
}

void TimeCursor::moved(int index)
{
    // The right end follows the latest point, wherever it is when new data arrive.
    time_ = index >= slider_->maximum() || times_.empty() ? std::nullopt : std::optional<double>(times_[index]);
    showTime();
    emit timeChanged();
}

bool TimeCursor::replaying() const { return timer_->isActive(); }

void TimeCursor::replay(bool on)
{
    if (on && times_.size() > 1) {
        slider_->setValue(0);
        timer_->start();
    } else {
        timer_->stop();
    }
    const QSignalBlocker block(replay_);
    replay_->setChecked(timer_->isActive());
    emit replayingChanged(timer_->isActive());
}

void TimeCursor::step()
{
    if (slider_->value() >= slider_->maximum()) {
        replay(false);  // ends following the latest point
        return;
    }
    slider_->setValue(slider_->value() + 1);
}

void TimeCursor::holdLabelWidth()
{
    // As wide as the widest time it shows: a width that followed each new time ("t = 12.5 (latest)", "t = 100 …")
    // laid the toolbar out again several times a second.
    label_->setFixedWidth(label_->fontMetrics().horizontalAdvance(QStringLiteral("t = 0.000e+00 (latest) ")));
}

void TimeCursor::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)  // lecture mode's larger type
        holdLabelWidth();
}

void TimeCursor::showTime()
{
    if (times_.empty())
        label_->setText(QStringLiteral("t: —"));
    else if (!time_)
        label_->setText(QStringLiteral("t = %1 (latest)").arg(times_.back(), 0, 'g', 4));
    else
        label_->setText(QStringLiteral("t = %1").arg(*time_, 0, 'g', 4));
}
