#include "OffThreadPainter.h"

#include "BackgroundPriority.h"
#include "QueuedHandOver.h"

OffThreadPainter::OffThreadPainter(QObject* parent)
    : QObject(parent)
    , worker_(new QObject)
{
    markQueuedHandOvers();
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    startInBackground(thread_);
}

OffThreadPainter::~OffThreadPainter()
{
    // A delivery posted by the job under way is dropped with this object.
    quitAndWait(thread_);
}

void OffThreadPainter::paint(Job job)
{
    if (inline_) {
        lastThread_ = QThread::currentThread();
        job()();
        return;
    }
    if (busy_)
        waiting_ = std::move(job);
    else
        start(std::move(job));
}

void OffThreadPainter::start(Job job)
{
    busy_ = true;
    queueHandOver([&] {
        QMetaObject::invokeMethod(worker_, [this, job = std::move(job)] {
            Delivery deliver = job();
            const QThread* painter = QThread::currentThread();
            queueHandOver([&] {
                QMetaObject::invokeMethod(this, [this, deliver = std::move(deliver), painter] {
                    lastThread_ = painter;
                    deliver();
                    busy_ = false;
                    if (waiting_) {
                        Job next = std::move(*waiting_);
                        waiting_.reset();
                        start(std::move(next));
                    }
                }, Qt::QueuedConnection);
            });
        }, Qt::QueuedConnection);
    });
}
