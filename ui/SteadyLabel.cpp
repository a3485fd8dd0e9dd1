#include "SteadyLabel.h"

#include <QResizeEvent>

SteadyLabel::SteadyLabel() { setWordWrap(true); }

void SteadyLabel::setSteadyText(const QString& text)
{
    if (text == this->text())
        return;
    setText(text);
    hold();
}

void SteadyLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        hold();
}

void SteadyLabel::hold()
{
    // A new width starts afresh: the text may need fewer lines there.
    if (width() != heldWidth_) {
        heldWidth_ = width();
        setMinimumHeight(0);
    }
    if (const int needed = heightForWidth(width()); needed > minimumHeight())
        setMinimumHeight(needed);
}
